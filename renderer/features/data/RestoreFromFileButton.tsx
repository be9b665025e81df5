import { FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Upload } from 'antd';
import { useState } from 'react';
import { call, toUpload } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { askRestore } from './confirmRestore';
import { useAction } from '../../hooks';

/**
 * "从文件恢复…": the other end of "另存完整副本". The user picks a data file (from the old PC, a USB stick); the
 * workstation verifies it first and says what it holds (单位, plans, tasks, staff); after confirmation (explicit for
 * another 单位's data) it is swapped in, the current data kept as a backup.
 */
export function RestoreFromFileButton({
  label = '从文件恢复…',
  type = 'default',
  onRestored,
}: {
  label?: string;
  type?: 'default' | 'link';
  onRestored?: () => void;
}) {
  const { status, refresh } = useAppStatus();
  const { modal } = AntApp.useApp();
  const act = useAction();
  // Not useBusyAction: the button spins while the file is read and while it is restored, not while the user decides.
  const [busy, setBusy] = useState(false);

  const restore = (file: File) =>
    act(async () => {
      setBusy(true);
      try {
        const upload = await toUpload(file);
        const seen = await call('backup.inspectFile', upload);
        setBusy(false);
        const answer = await askRestore(modal, {
          source: file.name,
          date: null,
          content: seen.content,
          sameFile: seen.sameFile,
          lessComplete: seen.lessComplete,
          currentBureau: seen.currentBureau,
          dbPath: status?.dbPath ?? '',
        });
        if (!answer) return;
        setBusy(true);
        await call('backup.restoreFile', { ...upload, ...answer });
        await refresh();
        onRestored?.();
        return `已从“${file.name}”恢复数据`;
      } finally {
        setBusy(false);
      }
    });

  return (
    <Upload
      accept=".sqlite,.db"
      showUploadList={false}
      beforeUpload={(f) => {
        void restore(f);
        return false;
      }}
    >
      <Button
        type={type}
        icon={<FolderOpenOutlined />}
        loading={busy}
        style={type === 'link' ? { paddingInline: 0 } : undefined}
      >
        {label}
      </Button>
    </Upload>
  );
}

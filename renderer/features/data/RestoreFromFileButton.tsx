import { FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Upload } from 'antd';
import { useState } from 'react';
import { call, toUpload } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { askRestore } from './confirmRestore';

/**
 * "从文件恢复…": the other end of "另存完整副本". The user picks a data file (from the old PC, a USB stick); the
 * workstation verifies it first and says what it holds (单位, plans, tasks, staff); after confirmation (explicit for
 * another 单位's data) it is swapped in, the current data kept as a backup.
 */
export function RestoreFromFileButton({ label = '从文件恢复…', type = 'default', onRestored }: {
  label?: string;
  type?: 'default' | 'link';
  onRestored?: () => void;
}) {
  const { status, refresh } = useAppStatus();
  const { message, modal } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  const restore = async (file: File) => {
    setBusy(true);
    try {
      const upload = await toUpload(file);
      const seen = await call('backup.inspectFile', upload);
      setBusy(false);
      const answer = await askRestore(modal, {
        source: file.name, date: null, content: seen.content, sameFile: seen.sameFile, currentBureau: seen.currentBureau, dbPath: status?.dbPath ?? '',
      });
      if (!answer) return;
      setBusy(true);
      await call('backup.restoreFile', { ...upload, ...answer });
      message.success(`已从“${file.name}”恢复数据`);
      await refresh();
      onRestored?.();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload accept=".sqlite,.db" showUploadList={false} beforeUpload={(f) => { void restore(f); return false; }}>
      <Button type={type} icon={<FolderOpenOutlined />} loading={busy} style={type === 'link' ? { paddingInline: 0 } : undefined}>{label}</Button>
    </Upload>
  );
}

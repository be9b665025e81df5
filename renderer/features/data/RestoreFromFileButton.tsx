import { FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Upload } from 'antd';
import { useState } from 'react';
import { call, toUpload } from '../../api/call';
import { useAppStatus } from '../../app-context';

/**
 * "从文件恢复…": the other end of "另存完整副本". The user picks a data file (from the old PC, a USB stick);
 * after confirmation the workstation verifies it and swaps it in, keeping the current data as a backup.
 */
export function RestoreFromFileButton({ label = '从文件恢复…', type = 'default', onRestored }: {
  label?: string;
  type?: 'default' | 'link';
  onRestored?: () => void;
}) {
  const { refresh } = useAppStatus();
  const { message, modal } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  const restore = (file: File) => {
    modal.confirm({
      title: `用“${file.name}”中的数据替换当前数据？`,
      content: '程序会先校验这个文件是否为政务公开工作台的数据文件；当前数据会自动保存为“恢复前”备份，需要时可以再恢复回来。',
      okText: '确认恢复', okButtonProps: { danger: true }, cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          await call('backup.restoreFile', await toUpload(file));
          message.success(`已从“${file.name}”恢复数据`);
          await refresh();
          onRestored?.();
        } catch (e) {
          message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Upload accept=".sqlite,.db" showUploadList={false} beforeUpload={(f) => { restore(f); return false; }}>
      <Button type={type} icon={<FolderOpenOutlined />} loading={busy} style={type === 'link' ? { paddingInline: 0 } : undefined}>{label}</Button>
    </Upload>
  );
}

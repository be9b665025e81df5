import { Button, Card, Result, Table, Typography } from 'antd';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../shared/domain/backup';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { useLoad } from '../../hooks';
import { DeleteButton } from '../../components/DeleteButton';
import { RestoreFromFileButton } from '../data/RestoreFromFileButton';
import { formatChineseDateTime } from '../../../shared/domain/date-text';

/** The data file could not be used: say why, keep it untouched, and offer the backups. */
export function RecoveryScreen() {
  const { status, refresh } = useAppStatus();
  const backups = useLoad(() => call('backup.list'), []);
  // Run by DeleteButton's action, which shows a refusal.
  const restore = async (b: BackupInfo) => {
    await call('backup.restore', { fileName: b.fileName, shared: b.shared ?? false });
    await refresh();
  };
  const title =
    status?.state === 'tooNew'
      ? '数据文件来自更新版本的程序'
      : status?.state === 'migrationFailed'
        ? '数据升级失败'
        : '数据文件无法打开';
  return (
    <div style={{ padding: 32, maxWidth: 960, margin: '0 auto' }}>
      <Result status="warning" title={title} subTitle={status?.message} />
      <Card title="可用的备份" extra={<RestoreFromFileButton label="从其他位置的文件恢复…" />}>
        {status?.state === 'tooNew' && (
          <Typography.Paragraph>
            建议先安装新版本的政务公开工作台再打开这个数据文件。只有确实要回到旧数据时，才恢复下面的备份：备份之后在新版本中所做的修改不会出现在恢复后的数据中。
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">
          数据文件：{status?.dbPath}。恢复前会先把当前文件原样保留在备份文件夹（{status?.backupDir}
          ）中，不会丢失任何东西。
        </Typography.Paragraph>
        <Table<BackupInfo>
          rowKey={(b) => `${b.shared ? 'shared' : 'own'}/${b.fileName}`}
          loading={backups.loading}
          dataSource={backups.data ?? []}
          pagination={false}
          locale={{ emptyText: `在 ${status?.backupDir} 中没有找到备份。请联系维护人员，或把原来的数据文件复制回来。` }}
          columns={[
            { title: '时间', dataIndex: 'createdAt' },
            { title: '类型', dataIndex: 'kind', render: (k: BackupInfo['kind']) => BACKUP_KIND_LABELS[k] },
            // Whose data each backup holds: the folder may also list another data file's (old shared folder).
            {
              title: '单位',
              key: 'bureau',
              render: (_, b) =>
                `${b.content ? (b.content.bureauName ?? '（尚未设置单位）') : '无法读取'}${b.shared ? '（共用备份文件夹）' : ''}`,
            },
            { title: '大小', dataIndex: 'sizeBytes', render: (n: number) => `${Math.max(1, Math.round(n / 1024))} KB` },
            {
              title: '操作',
              render: (_, b) => (
                <DeleteButton
                  title={`用${formatChineseDateTime(b.createdAt)}的备份恢复？`}
                  description="无法打开的数据文件将被这份备份代替（原文件先留在备份文件夹中）。"
                  okText="恢复"
                  done={`已从${formatChineseDateTime(b.createdAt)}的备份恢复`}
                  onDelete={() => restore(b)}
                >
                  <Button type="primary" size="small">
                    恢复
                  </Button>
                </DeleteButton>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

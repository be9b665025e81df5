import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../shared/domain/backup';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { AuditButton } from '../../components/AuditDrawer';
import { PageTitle } from '../../components/PageTitle';
import { RestoreFromFileButton } from './RestoreFromFileButton';
import { useDeliver, useLoad } from '../../hooks';

export function DataScreen() {
  const { status, refresh } = useAppStatus();
  const { message, modal } = AntApp.useApp();
  const save = useDeliver();
  const backups = useLoad(() => call('backup.list'), []);
  const [busy, setBusy] = useState<string | null>(null);

  const backupNow = async () => {
    setBusy('backup');
    try {
      const b = await call('backup.create');
      message.success(`已备份：${b.fileName}`);
      await backups.reload();
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const saveCopy = async () => {
    setBusy('copy');
    await save(() => call('backup.saveCopy'));
    setBusy(null);
  };

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: `恢复到 ${b.createdAt} 的备份？`,
      content: '当前数据会被备份中的数据替换。恢复前程序会先校验备份文件，并自动把当前数据另存为“恢复前”备份，需要时可以再恢复回来。',
      okText: '确认恢复', okButtonProps: { danger: true }, cancelText: '取消',
      onOk: async () => {
        try {
          await call('backup.restore', { fileName: b.fileName });
          message.success(`已恢复到 ${b.createdAt} 的数据`);
          await refresh();
          await backups.reload();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  };

  return (
    <div>
      <PageTitle title="数据与备份">全部数据保存在本机的一个数据文件中。程序每天自动备份一次，升级和恢复前也会自动备份。</PageTitle>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {status?.message && <Alert type="warning" showIcon title={status.message} />}
        <Card title="数据位置">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="数据文件"><Typography.Text copyable>{status?.dbPath}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label="备份文件夹"><Typography.Text copyable>{status?.backupDir}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label="数据版本">{status?.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label="程序版本">{status?.appVersion}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title="备份"
          extra={
            <Space>
              <AuditButton entity="data" label="恢复记录" />
              <RestoreFromFileButton onRestored={() => void backups.reload()} />
              <Button icon={<CloudDownloadOutlined />} onClick={saveCopy} loading={busy === 'copy'}>另存完整副本…</Button>
              <Button type="primary" icon={<SaveOutlined />} onClick={backupNow} loading={busy === 'backup'}>立即备份</Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            保留最近 14 天的每日备份、最近 12 个月每月一份、最近 5 次升级前和恢复前的备份；手动备份一直保留。
            换电脑时，用“另存完整副本”把数据带走，在新电脑上用“从文件恢复”打开它。
          </Typography.Paragraph>
          <Table<BackupInfo>
            rowKey="fileName"
            size="middle"
            loading={backups.loading}
            dataSource={backups.data ?? []}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有备份。点击“立即备份”做第一份备份。' }}
            columns={[
              { title: '时间', dataIndex: 'createdAt', width: 180 },
              { title: '类型', dataIndex: 'kind', width: 110, render: (k: BackupInfo['kind']) => <Tag>{BACKUP_KIND_LABELS[k]}</Tag> },
              { title: '大小', dataIndex: 'sizeBytes', width: 110, render: (n: number) => `${Math.max(1, Math.round(n / 1024))} KB` },
              { title: '文件名', dataIndex: 'fileName', ellipsis: true },
              { title: '操作', width: 100, render: (_, b) => <Button size="small" onClick={() => restore(b)}>恢复</Button> },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}

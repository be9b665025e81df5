import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../shared/domain/backup';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { AuditButton } from '../../components/AuditDrawer';
import { PageTitle } from '../../components/PageTitle';
import { RestoreFromFileButton } from './RestoreFromFileButton';
import { askRestore, contentText, isOtherBureau } from './confirmRestore';
import { produceFile, useBusyAction, useLoad } from '../../hooks';
import { formatChineseDateTime } from '../../../shared/domain/date-text';

export function DataScreen() {
  const { status, refresh } = useAppStatus();
  const { modal } = AntApp.useApp();
  const backups = useLoad(() => call('backup.list'), []);
  // Which button spins: 立即备份, 另存完整副本, 移到本机, or the 恢复 of one backup (`restore:<file>`).
  const [busy, run] = useBusyAction<'backup' | 'copy' | 'move' | `restore:${string}`>();

  const backupNow = () =>
    run('backup', async () => {
      const b = await call('backup.create');
      await backups.reload();
      await refresh();
      return `已备份：${b.fileName}`;
    });

  const saveCopy = () => run('copy', () => produceFile(() => call('backup.saveCopy')));

  const moveToLocal = () =>
    modal.confirm({
      title: '把数据文件移到本机磁盘？',
      content:
        '先在共享文件夹的备份文件夹中做一份备份，再把数据文件复制到本机磁盘并从那里继续使用；共享文件夹上留下说明，其他电脑打开时会被告知文件去了哪里。以后换电脑请用“另存完整副本”。',
      okText: '移到本机',
      cancelText: '取消',
      onOk: () =>
        run('move', async () => {
          const r = await call('backup.moveToLocal');
          await refresh();
          await backups.reload();
          return `已移到本机：${r.to}`;
        }),
    });

  const restore = async (b: BackupInfo) => {
    const answer = await askRestore(modal, {
      source: `${b.shared ? '共用备份文件夹中的' : ''}${BACKUP_KIND_LABELS[b.kind]}备份 ${b.fileName}`,
      date: b.createdAt,
      content: b.content,
      sameFile: b.sameFile,
      lessComplete: b.lessComplete,
      currentBureau: status?.bureau?.fullName ?? null,
      dbPath: status?.dbPath ?? '',
    });
    if (!answer) return;
    await run(`restore:${b.fileName}`, async () => {
      await call('backup.restore', { fileName: b.fileName, shared: b.shared ?? false, ...answer });
      await refresh();
      await backups.reload();
      return `已恢复到${formatChineseDateTime(b.createdAt)}的数据`;
    });
  };
  const currentBureau = status?.bureau?.fullName ?? null;
  const whose = (b: BackupInfo) => {
    if (!b.content) return <Tag color="red">无法读取</Tag>;
    const other = isOtherBureau({
      source: '',
      date: null,
      content: b.content,
      sameFile: b.sameFile,
      currentBureau,
      dbPath: '',
    });
    return (
      <Space size={4} wrap>
        <span>{b.content.bureauName ?? '（尚未设置单位）'}</span>
        {other && <Tag color="orange">其他单位</Tag>}
        {!other && b.sameFile === false && <Tag color="gold">其他数据文件</Tag>}
        {b.shared && <Tag>共用文件夹</Tag>}
      </Space>
    );
  };

  return (
    <div>
      <PageTitle title="数据与备份">
        全部数据保存在本机的一个数据文件中。程序每天自动备份一次，升级和恢复前也会自动备份。
      </PageTitle>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {status?.message && <Alert type="warning" showIcon title={status.message} />}
        {status?.access.tookOver && (
          <Alert type="info" showIcon title="接管了上次异常退出留下的占用" description={status.access.tookOver} />
        )}
        {status?.settingWarnings?.map((w) => (
          <Alert key={w} type="warning" showIcon title="有设置无法使用，已改用默认值" description={w} />
        ))}
        <Card title="数据位置">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="数据文件">
              <Typography.Text copyable>{status?.dbPath}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="备份文件夹">
              <Typography.Text copyable>{status?.backupDir}</Typography.Text>（本数据文件专用）
            </Descriptions.Item>
            <Descriptions.Item label="使用方式">
              {status?.access.mode === 'read'
                ? `只读：正由${status.access.writer ?? '另一处'}使用`
                : '本窗口可以修改（同一时间只有一处可以修改这个数据文件，其他窗口或电脑只能只读打开）'}
            </Descriptions.Item>
            {status?.access.network && (
              <Descriptions.Item label="存放位置">
                <Space wrap>
                  <span>{status.access.network}（独占使用）</span>
                  {status.access.mode === 'write' && (
                    <Button size="small" loading={busy === 'move'} onClick={moveToLocal}>
                      移到本机磁盘…
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="数据版本">{status?.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label="程序版本">{status?.appVersion}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title="备份"
          extra={
            <Space>
              <AuditButton entity="data" label="恢复与接管记录" />
              <RestoreFromFileButton onRestored={() => void backups.reload()} />
              <Button icon={<CloudDownloadOutlined />} onClick={saveCopy} loading={busy === 'copy'}>
                另存完整副本…
              </Button>
              <Button type="primary" icon={<SaveOutlined />} onClick={backupNow} loading={busy === 'backup'}>
                立即备份
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            每个数据文件的备份放在它自己的备份文件夹中。保留最近 14 天的每日备份、最近 12 个月每月一份、最近 5
            次升级前和恢复前的备份；手动备份一直保留。
            旧版本程序放在共用备份文件夹中的备份也列在下面（标有“共用文件夹”），不会被删除。
            换电脑时，用“另存完整副本”把数据带走，在新电脑上用“从文件恢复”打开它。
          </Typography.Paragraph>
          <Table<BackupInfo>
            rowKey={(b) => `${b.shared ? 'shared' : 'own'}/${b.fileName}`}
            size="small"
            loading={backups.loading}
            dataSource={backups.data ?? []}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有备份。点击“立即备份”做第一份备份。' }}
            columns={[
              { title: '时间', dataIndex: 'createdAt', width: 160 },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 90,
                render: (k: BackupInfo['kind']) => <Tag>{BACKUP_KIND_LABELS[k]}</Tag>,
              },
              { title: '单位', key: 'bureau', width: 230, render: (_, b) => whose(b) },
              { title: '内容', key: 'content', render: (_, b) => contentText(b.content) },
              {
                title: '大小',
                dataIndex: 'sizeBytes',
                width: 80,
                render: (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`,
              },
              {
                title: '操作',
                width: 80,
                render: (_, b) => (
                  <Button size="small" loading={busy === `restore:${b.fileName}`} onClick={() => void restore(b)}>
                    恢复
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}

import { Button, Card, Result, Space, Typography } from 'antd';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { useBusyAction } from '../../hooks';

/**
 * Another copy of the workstation (another window, another PC, the command line) writes this data file: say who and
 * since when, and offer what this one may do: read it, or try again once the other has closed.
 */
export function LockedScreen() {
  const { status, refresh } = useAppStatus();
  const [busy, run] = useBusyAction<'read' | 'retry'>();
  const openReadOnly = () =>
    run('read', async () => {
      const s = await call('app.openReadOnly');
      await refresh();
      if (s.state === 'locked') throw new Error(s.message ?? '现在不能以只读方式打开。');
      return '已以只读方式打开：可以查看，不能修改';
    });
  const retry = () =>
    run('retry', async () => {
      const s = await call('app.reopen');
      await refresh();
      if (s.state === 'locked') throw new Error(s.message ?? '数据文件仍在别处使用。');
      return '已打开数据文件';
    });
  return (
    <div style={{ padding: 32, maxWidth: 900, margin: '0 auto' }}>
      <Result
        status="warning"
        title="数据文件正在别处使用"
        subTitle={status?.message}
        extra={
          <Space>
            <Button type="primary" loading={busy === 'read'} onClick={openReadOnly}>
              以只读方式打开
            </Button>
            <Button loading={busy === 'retry'} onClick={retry}>
              重试
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Typography.Paragraph>
          为了不让两处同时修改把数据弄乱，同一个数据文件同一时间只能在一处修改。只读打开后可以查看全部内容，所有修改按钮都不可用；
          对方关闭后，点页面上方的“改为可写”即可修改。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          如果对方的程序已经关闭、电脑已关机或断电，点“重试”即可：异常退出留下的占用会被自动识别并接管（另一台电脑上的要等它
          3 分钟没有活动之后）。数据文件：{status?.dbPath}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** The data file was replaced under this window (or another copy took it over): writing stopped; reopen it. */
export function ReplacedScreen() {
  const { status, refresh } = useAppStatus();
  const [busy, run] = useBusyAction<'reopen'>();
  const reopen = () =>
    run('reopen', async () => {
      const s = await call('app.reopen');
      await refresh();
      if (s.state === 'locked') return;
      return '已重新打开数据文件';
    });
  return (
    <div style={{ padding: 32, maxWidth: 900, margin: '0 auto' }}>
      <Result
        status="warning"
        title="已停止使用数据文件"
        subTitle={status?.message}
        extra={
          <Button type="primary" loading={busy === 'reopen'} onClick={reopen}>
            重新打开
          </Button>
        }
      />
    </div>
  );
}

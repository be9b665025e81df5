import { Alert, Button } from 'antd';
import type { AppStatus } from '../../../shared/ipc/contracts/foundation';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { useBusyAction } from '../../hooks';

/**
 * Above every screen: this window only reads the data file (another copy writes it), with the way back to writing
 * once the other has closed; or the file is on a network share and used the one way that is safe there.
 */
export function AccessBanner({ status }: { status: AppStatus }) {
  const { refresh } = useAppStatus();
  const [busy, run] = useBusyAction<'write'>();
  const tryWrite = () =>
    run('write', async () => {
      await call('app.reopen');
      await refresh();
      return '已改为可写，可以修改数据了';
    });
  const { access } = status;
  return (
    <>
      {access.mode === 'read' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="只读：不能修改"
          description={
            access.writer
              ? `数据文件正由${access.writer}使用。这里只能查看，所有修改按钮都不可用。对方关闭后点“改为可写”。`
              : '打开数据文件的另一处已经关闭，点“改为可写”即可修改。'
          }
          action={
            <Button
              size="small"
              type={access.writer ? 'default' : 'primary'}
              loading={busy === 'write'}
              onClick={tryWrite}
            >
              改为可写
            </Button>
          }
        />
      )}
      {access.network && access.mode === 'write' && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title="数据文件在网络共享文件夹上"
          description={`数据文件位于${access.network}。在共享文件夹上，本程序以独占方式使用它（其他电脑此时不能打开，包括只读）；网络中断时修改可能保存失败。建议在“数据与备份”中把它移到本机磁盘。`}
        />
      )}
    </>
  );
}

import { App as AntApp } from 'antd';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../api/call';
import { DESTRUCTIVE_CONFIRM } from '../../components/destructive';
import { useAction } from '../../hooks';

/** The gentler way offered when a record cannot be deleted because other records use it (改为离岗, 改为停用). */
export interface Retire {
  okText: string;
  /** Does it; resolves to the sentence that says it was done (and what follows from it, e.g. posts to hand over). */
  run: () => Promise<string>;
}

/**
 * 删除 for a 科室 or a person: asks first (DESTRUCTIVE_CONFIRM: Enter keeps it); when the service refuses because other records use it and it is still
 * current, offers the gentler way instead of only saying no. `onDone` refreshes the screen after either.
 */
export function useDeleteOrRetire(): (o: {
  title: string;
  content: string;
  remove: () => Promise<unknown>;
  retire: Retire | null;
  onDone: () => Promise<unknown>;
}) => void {
  const { modal } = AntApp.useApp();
  const act = useAction();
  return ({ title, content, remove, retire, onDone }) => {
    modal.confirm({
      title,
      content,
      okText: '删除',
      ...DESTRUCTIVE_CONFIRM,
      onOk: () =>
        act(async () => {
          try {
            await remove();
          } catch (e) {
            // The one refusal that has a way forward; any other is said as it is.
            if (!(retire && e instanceof AppError && e.code === ErrorCode.IN_USE)) throw e;
            modal.confirm({
              title: '不能删除',
              content: e.message,
              okText: retire.okText,
              cancelText: '取消',
              onOk: () =>
                act(async () => {
                  const done = await retire.run();
                  await onDone();
                  return done;
                }),
            });
            return;
          }
          await onDone();
          return '已删除';
        }),
    });
  };
}

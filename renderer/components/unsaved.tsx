import { App as AntApp, Button, Space } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import { navigateAnyway, useLeaveGuard } from '../hooks';

export type DiscardChoice = 'save' | 'discard' | 'cancel';

/**
 * Asks what to do with edits that were not saved: 保存 / 不保存 / 取消 (Esc and the close button mean 取消).
 * Every dialog, drawer and screen that can lose typed work asks through this one question.
 */
export function useAskUnsaved(): (what?: string) => Promise<DiscardChoice> {
  const { modal } = AntApp.useApp();
  return useCallback(
    (what = '所做的修改') =>
      new Promise<DiscardChoice>((resolve) => {
        let settled = false;
        const finish = (choice: DiscardChoice) => {
          if (!settled) {
            settled = true;
            resolve(choice);
          }
          instance.destroy();
        };
        const instance = modal.confirm({
          title: '保存修改吗？',
          content: `${what}还没有保存。不保存将丢弃这些修改。`,
          closable: true,
          keyboard: true,
          onCancel: () => finish('cancel'),
          footer: () => (
            <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
              <Button onClick={() => finish('cancel')}>取消</Button>
              <Button danger onClick={() => finish('discard')}>
                不保存
              </Button>
              <Button type="primary" autoFocus onClick={() => finish('save')}>
                保存
              </Button>
            </Space>
          ),
        });
      }),
    [modal],
  );
}

/**
 * Closing something that may hold edits: closes at once when nothing changed; otherwise asks, and on 保存 runs the
 * save (which closes on success), on 不保存 closes, on 取消 stays.
 */
export function useGuardedClose(): (opts: {
  dirty: boolean;
  save: () => Promise<unknown>;
  close: () => void;
  what?: string;
}) => Promise<void> {
  const ask = useAskUnsaved();
  return useCallback(
    async ({ dirty, save, close, what }) => {
      if (!dirty) return close();
      const choice = await ask(what);
      if (choice === 'discard') close();
      else if (choice === 'save') await save();
    },
    [ask],
  );
}

/**
 * A screen with unsaved work: while `dirty`, leaving it (the side menu, any link or route change, a year change,
 * closing the window) asks 保存 / 不保存 / 取消 through the app shell's guard (renderer/hooks.ts). 保存 runs `save`
 * and leaves only when it resolves to true (a refused save keeps the screen with its message); 不保存 leaves;
 * 取消 stays.
 */
export function useUnsavedLeave(dirty: boolean, save: () => Promise<boolean>, what?: string): void {
  const ask = useAskUnsaved();
  // The latest save and wording, without re-registering the guard on every keystroke.
  const latest = useRef({ save, what, ask });
  latest.current = { save, what, ask };
  const guard = useMemo(
    () =>
      dirty
        ? (to: string, proceed?: () => void) => {
            const leave = proceed ?? (() => navigateAnyway(to));
            void (async () => {
              const choice = await latest.current.ask(latest.current.what);
              if (choice === 'discard') leave();
              else if (choice === 'save' && (await latest.current.save())) leave();
            })();
            return false;
          }
        : null,
    [dirty],
  );
  useLeaveGuard(guard);
}

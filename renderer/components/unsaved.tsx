import { App as AntApp, Button, Space } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import { useLeaveGuard, type LeaveGuard } from '../hooks';

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
        let instance: { destroy: () => void };
        const open = () =>
          (instance = modal.confirm({
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
          }));
        // Asked from an Esc keypress (a field's "Esc 取消"), the question would be closed by that same keypress: antd
        // registers its Esc listener on window while React handles the key, and the key then reaches window. Open it
        // once that keypress is over.
        const cause = typeof window === 'undefined' ? undefined : window.event;
        if (cause instanceof KeyboardEvent && cause.key === 'Escape') setTimeout(open, 0);
        else open();
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
 * A screen, dialog or drawer with unsaved work: while `dirty`, leaving it (the side menu, a tab, any link or route
 * change, back/forward, a year change, closing the window) asks 保存 / 不保存 / 取消 through the app shell's guard
 * (renderer/hooks.ts). 保存 runs `save` and leaves only when it resolves to true (a refused save keeps the screen with
 * its message); 不保存 leaves; 取消 stays. `dirty` may be a function when the state is read from a form at the moment
 * of leaving (a dialog compares its values with what it opened with).
 */
export function useUnsavedLeave(
  dirty: boolean | (() => boolean),
  save: () => Promise<boolean>,
  what?: string | (() => string),
): void {
  const ask = useAskUnsaved();
  // The latest save, wording and state, without re-registering the guard on every keystroke.
  const latest = useRef({ save, what, ask, dirty });
  latest.current = { save, what, ask, dirty };
  const isDirty = useCallback(() => {
    const d = latest.current.dirty;
    return typeof d === 'function' ? d() : d;
  }, []);
  const registered = typeof dirty === 'function' || dirty;
  // While the question is open, another way out (a second click, a value typed in a year box) does not ask again:
  // the answer then applies to the latest one.
  const asking = useRef<(() => void) | null>(null);
  const guard = useMemo<LeaveGuard | null>(
    () =>
      registered
        ? (_to, proceed) => {
            if (!isDirty()) return true;
            if (asking.current) {
              asking.current = proceed;
              return false;
            }
            asking.current = proceed;
            void (async () => {
              const w = latest.current.what;
              const choice = await latest.current.ask(typeof w === 'function' ? w() : w);
              const leave = asking.current!;
              asking.current = null;
              if (choice === 'discard') leave();
              else if (choice === 'save' && (await latest.current.save())) leave();
            })();
            return false;
          }
        : null,
    [registered, isDirty],
  );
  useLeaveGuard(guard, isDirty);
}

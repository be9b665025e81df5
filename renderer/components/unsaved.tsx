import { App as AntApp, Button, Space } from 'antd';
import { useCallback } from 'react';

export type DiscardChoice = 'save' | 'discard' | 'cancel';

/**
 * Asks what to do with edits that were not saved: 保存 / 不保存 / 取消 (Esc and the close button mean 取消).
 * Every dialog, drawer and screen that can lose typed work asks through this one question.
 */
export function useAskUnsaved(): (what?: string) => Promise<DiscardChoice> {
  const { modal } = AntApp.useApp();
  return useCallback((what = '所做的修改') => new Promise<DiscardChoice>((resolve) => {
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
          <Button danger onClick={() => finish('discard')}>不保存</Button>
          <Button type="primary" autoFocus onClick={() => finish('save')}>保存</Button>
        </Space>
      ),
    });
  }), [modal]);
}

/**
 * Closing something that may hold edits: closes at once when nothing changed; otherwise asks, and on 保存 runs the
 * save (which closes on success), on 不保存 closes, on 取消 stays.
 */
export function useGuardedClose(): (opts: { dirty: boolean; save: () => Promise<unknown>; close: () => void; what?: string }) => Promise<void> {
  const ask = useAskUnsaved();
  return useCallback(async ({ dirty, save, close, what }) => {
    if (!dirty) return close();
    const choice = await ask(what);
    if (choice === 'discard') close();
    else if (choice === 'save') await save();
  }, [ask]);
}

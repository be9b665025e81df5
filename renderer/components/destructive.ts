import type { ModalFuncProps, PopconfirmProps } from 'antd';

// The one way the app asks before a click deletes, replaces, clears or discards stored work (删除, 移除, 替换, 重新生成,
// 恢复, 撤销销号): the OK button in red, the focus on 取消 so an Enter pressed out of habit keeps the data, and words
// naming what goes — the record by its name, what is deleted with it, and that it cannot be undone.
// A modal question (`modal.confirm`) spreads DESTRUCTIVE_CONFIRM; a small question beside a button is a DeleteButton
// (renderer/components/DeleteButton.tsx), the only Popconfirm of the app, which spreads DESTRUCTIVE_POPCONFIRM.

/** The buttons of a modal question whose OK deletes or replaces stored work. */
export const DESTRUCTIVE_CONFIRM = {
  okButtonProps: { danger: true },
  autoFocusButton: 'cancel',
  cancelText: '取消',
} as const satisfies ModalFuncProps;

/**
 * The same for a Popconfirm: its content is mounted afresh each time it opens (destroyOnHidden), so 取消's autoFocus
 * takes the focus every time, not only the first.
 */
export const DESTRUCTIVE_POPCONFIRM = {
  okButtonProps: { danger: true },
  cancelButtonProps: { autoFocus: true },
  cancelText: '取消',
  destroyOnHidden: true,
} as const satisfies Partial<PopconfirmProps>;

export { CANNOT_UNDO, deleteDescription, deleteTitle, quoted } from '../../shared/domain/delete-words';

import type { ModalFuncProps } from 'antd';

/**
 * The buttons of a question whose OK deletes or replaces stored work (删除, 替换, 重新生成, 恢复): OK in red, and the
 * focus on 取消, so an Enter pressed out of habit keeps the data.
 */
export const DESTRUCTIVE_CONFIRM = {
  okButtonProps: { danger: true },
  autoFocusButton: 'cancel',
  cancelText: '取消',
} as const satisfies ModalFuncProps;

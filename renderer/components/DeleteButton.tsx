import { Button, Popconfirm } from 'antd';
import { useId, type ReactNode } from 'react';
import { useAction } from '../hooks';
import { DESTRUCTIVE_POPCONFIRM } from './destructive';

/**
 * A red 删除 link (or the button given as `children`) that asks first — OK in red, the focus on 取消, so Enter keeps
 * the record (destructive.ts) —, runs the deletion, and shows the service's Chinese message when it is refused (a
 * record in use, a stale list) instead of failing silently. The app's only Popconfirm: every small question before a
 * deletion, removal, restore or undo is one of these. Word it with `deleteTitle` / `deleteDescription`.
 */
export function DeleteButton({
  title,
  description,
  onDelete,
  onDone,
  label = '删除',
  okText = '删除',
  done = okText.endsWith('删除') ? '已删除' : `已${okText}`,
  disabled,
  children,
}: {
  title: string;
  description?: ReactNode;
  onDelete: () => Promise<unknown>;
  onDone?: (result: unknown) => unknown;
  /** The link's words when no `children` are given. */
  label?: string;
  okText?: string;
  /** The sentence shown once it is done (已删除 for 删除, 已移除 for 移除 …). */
  done?: string;
  disabled?: boolean;
  /** The button that opens the question, when it is not a small 删除 link. */
  children?: ReactNode;
}) {
  const act = useAction();
  // 取消's autoFocus can miss on a busy machine (the question is still being placed when it mounts), leaving the focus
  // on the button that opened it: once the question stands open, 取消 is given the focus if it does not have it.
  const keep = `zwgk-keep-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText}
      {...DESTRUCTIVE_POPCONFIRM}
      cancelButtonProps={{ ...DESTRUCTIVE_POPCONFIRM.cancelButtonProps, className: keep }}
      afterOpenChange={(open) => {
        const cancel = open ? document.querySelector<HTMLElement>(`.${keep}`) : null;
        if (cancel && !cancel.closest('.ant-popover')?.contains(document.activeElement)) cancel.focus();
      }}
      disabled={disabled}
      styles={{ root: { maxWidth: 420 } }}
      onConfirm={() =>
        act(async () => {
          const result = await onDelete();
          await onDone?.(result);
          return done;
        })
      }
    >
      {children ?? (
        <Button size="small" type="link" danger disabled={disabled}>
          {label}
        </Button>
      )}
    </Popconfirm>
  );
}

import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useAction } from '../hooks';

/**
 * A red 删除 link that asks first, runs the deletion, and shows the service's Chinese message when it is refused
 * (a record in use, a stale list) instead of failing silently.
 */
export function DeleteButton({
  title,
  description,
  onDelete,
  onDone,
  label = '删除',
}: {
  title: string;
  description?: ReactNode;
  onDelete: () => Promise<unknown>;
  onDone?: (result: unknown) => unknown;
  label?: string;
}) {
  const act = useAction();
  return (
    <Popconfirm
      title={title}
      description={description}
      okText="删除"
      cancelText="取消"
      onConfirm={() =>
        act(async () => {
          const result = await onDelete();
          await onDone?.(result);
        })
      }
    >
      <Button size="small" type="link" danger>
        {label}
      </Button>
    </Popconfirm>
  );
}

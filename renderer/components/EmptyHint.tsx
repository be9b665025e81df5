import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty state that says what to do next, with the action right there. */
export function EmptyHint({ title, hint, action }: { title: string; hint?: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ fontSize: 15, color: 'rgba(0,0,0,0.75)' }}>{title}</div>
          {hint && <div style={{ marginTop: 4, color: 'rgba(0,0,0,0.5)' }}>{hint}</div>}
        </div>
      }
    >
      {action}
    </Empty>
  );
}

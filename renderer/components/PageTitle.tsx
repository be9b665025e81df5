import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The screen's heading (an h2, so tests and screen readers find it) with its actions on the right. */
export function PageTitle({ title, extra, children }: { title: string; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children && <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.55)' }}>{children}</div>}
    </div>
  );
}

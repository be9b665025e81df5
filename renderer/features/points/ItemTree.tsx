import { Button, Flex, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { printedLabel, type PointLevel } from '../../../shared/domain/point-numbering';
import { isHeadingItem, missingUnits, type PointItem } from '../../../shared/domain/points';
import { LEVEL_OPTIONS } from '../../../shared/domain/points-edits';

export interface ItemActions {
  onEdit(index: number): void;
  onLevel?(index: number, level: number): void;
  onMerge?(index: number): void;
  onSplit?(index: number): void;
}

/** The items as an indented tree: label, title, detected units and deadline marked; actions per row. */
export function ItemTree({ items, actions, extraFor }: { items: PointItem[]; actions: ItemActions; extraFor?: (i: number) => ReactNode }) {
  const missing = missingUnits(items);
  return (
    <div role="list" aria-label="条目">
      {items.map((it, i) => {
        const missingUnit = missing[i];
        const heading = it.level <= 2 && isHeadingItem(items, i);
        return (
          <div
            key={i}
            role="listitem"
            aria-label={`条目 ${printedLabel(it.level as PointLevel, it.label)}${it.title}`}
            data-testid={`point-item-${i}`}
            style={{
              marginLeft: (it.level - 1) * 28,
              padding: '8px 10px',
              borderLeft: `3px solid ${heading ? '#1677ff' : missingUnit ? '#ff4d4f' : '#d9d9d9'}`,
              background: heading ? '#f0f5ff' : i % 2 ? '#fafafa' : '#fff',
              marginBottom: 4,
            }}
          >
            <Flex justify="space-between" align="flex-start" gap={12}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong={heading}>
                  <span style={{ fontWeight: 600, marginRight: 4 }}>{printedLabel(it.level as PointLevel, it.label)}</span>
                  {it.title || it.text.slice(0, 60)}
                </Typography.Text>
                {it.text !== it.title && it.text.length > it.title.length + 1 && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ margin: '2px 0 0', fontSize: 13 }}>
                    {it.text.slice(it.title.length).replace(/^[。\s]+/, '')}
                  </Typography.Paragraph>
                )}
                <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                  {it.lead.map((u) => <Tag key={`l-${u}`} color="blue">牵头：{u}</Tag>)}
                  {it.support.map((u) => <Tag key={`s-${u}`}>配合：{u}</Tag>)}
                  {it.deadline && <Tag color="orange">时限：{it.deadline}{it.deadlineText ? `（${it.deadlineText}）` : ''}</Tag>}
                  {!it.deadline && it.deadlineText && <Tag color="gold">时限：{it.deadlineText}</Tag>}
                  {missingUnit && <Tag color="red">无责任单位</Tag>}
                  {extraFor?.(i)}
                </Space>
              </div>
              <Space size={4} wrap style={{ flexShrink: 0 }}>
                {actions.onLevel && (
                  <Select
                    size="small"
                    aria-label="层级"
                    value={it.level}
                    options={LEVEL_OPTIONS}
                    style={{ width: 150 }}
                    onChange={(v) => actions.onLevel!(i, v)}
                  />
                )}
                <Button size="small" onClick={() => actions.onEdit(i)}>编辑</Button>
                {actions.onMerge && i > 0 && (
                  <Tooltip title="把本条内容并入上一条">
                    <Button size="small" onClick={() => actions.onMerge!(i)}>并入上一条</Button>
                  </Tooltip>
                )}
                {actions.onSplit && <Button size="small" onClick={() => actions.onSplit!(i)}>拆分</Button>}
              </Space>
            </Flex>
          </div>
        );
      })}
    </div>
  );
}

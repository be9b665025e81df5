import { Button, Flex, Select, Space, Tag, Tree, Typography } from 'antd';
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LazyTooltip } from '../../components/LazyTooltip';
import { parentIndexes, printedLabel, type PointLevel } from '../../../shared/domain/point-numbering';
import { isHeadingItem, missingUnits, type PointItem } from '../../../shared/domain/points';
import { LEVEL_OPTIONS } from '../../../shared/domain/points-edits';
import { formatChineseDate } from '../../../shared/domain/date-text';

export interface ItemActions {
  onEdit(index: number): void;
  onLevel?(index: number, level: number): void;
  onMerge?(index: number): void;
  onSplit?(index: number): void;
}

interface RowProps {
  item: PointItem;
  index: number;
  missingUnit: boolean;
  heading: boolean;
  actions: ItemActions;
  extra?: ReactNode;
}

/**
 * One item: label, title, the rest of its text, units and deadline, and its actions. Memoised: correcting one item
 * re-renders that row only, and opening a dialog re-renders none.
 */
const ItemRow = memo(function ItemRow({ item: it, index: i, missingUnit, heading, actions, extra }: RowProps) {
  const rest =
    it.text !== it.title && it.text.length > it.title.length + 1
      ? it.text.slice(it.title.length).replace(/^[。\s]+/, '')
      : '';
  return (
    <div
      style={{
        padding: '6px 10px',
        borderLeft: `3px solid ${heading ? '#1677ff' : missingUnit ? '#ff4d4f' : '#d9d9d9'}`,
        background: heading ? '#f0f5ff' : i % 2 ? '#fafafa' : '#fff',
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={12}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong={heading}>
            <span style={{ fontWeight: 600, marginRight: 4 }}>{printedLabel(it.level as PointLevel, it.label)}</span>
            {it.title || it.text.slice(0, 60)}
          </Typography.Text>
          {rest && (
            // Two lines, cut by CSS: measuring text per row (antd's ellipsis) costs seconds on 600 items.
            <div
              title={rest.length > 200 ? `${rest.slice(0, 200)}…` : rest}
              style={{
                margin: '2px 0 0',
                fontSize: 13,
                color: 'rgba(0,0,0,0.45)',
                display: '-webkit-box',
                WebkitLineClamp: 2,
                WebkitBoxOrient: 'vertical',
                overflow: 'hidden',
              }}
            >
              {rest.length > 400 ? `${rest.slice(0, 400)}…` : rest}
            </div>
          )}
          <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
            {it.lead.map((u) => (
              <Tag key={`l-${u}`} color="blue">
                牵头：{u}
              </Tag>
            ))}
            {it.support.map((u) => (
              <Tag key={`s-${u}`}>配合：{u}</Tag>
            ))}
            {it.deadline && (
              <Tag color="orange">
                时限：{formatChineseDate(it.deadline)}
                {it.deadlineText ? `（${it.deadlineText}）` : ''}
              </Tag>
            )}
            {!it.deadline && it.deadlineText && <Tag color="gold">时限：{it.deadlineText}</Tag>}
            {missingUnit && <Tag color="red">无责任单位</Tag>}
            {extra}
          </Space>
        </div>
        {/* Keys typed here belong to the controls, not to the tree's keyboard navigation. */}
        <Space size={4} wrap style={{ flexShrink: 0 }} onKeyDown={(e) => e.stopPropagation()}>
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
          <Button size="small" onClick={() => actions.onEdit(i)}>
            编辑
          </Button>
          {actions.onMerge && i > 0 && (
            <LazyTooltip title="把本条内容并入上一条">
              <Button size="small" onClick={() => actions.onMerge!(i)}>
                并入上一条
              </Button>
            </LazyTooltip>
          )}
          {actions.onSplit && (
            <Button size="small" onClick={() => actions.onSplit!(i)}>
              拆分
            </Button>
          )}
        </Space>
      </Flex>
    </div>
  );
});

interface Node {
  key: string;
  index: number;
  children: Node[];
  'aria-label': string;
  'data-testid': string;
}

/** The items as nodes under their parents (nearest earlier item with a smaller level). */
function buildTree(items: readonly PointItem[]): { roots: Node[]; parentKeys: string[] } {
  const parents = parentIndexes(items.map((i) => i.level));
  const nodes: Node[] = items.map((it, i) => ({
    key: String(i),
    index: i,
    children: [],
    'aria-label': `条目 ${printedLabel(it.level as PointLevel, it.label)}${it.title}`,
    'data-testid': `point-item-${i}`,
  }));
  const roots: Node[] = [];
  nodes.forEach((n, i) => (parents[i] >= 0 ? nodes[parents[i]].children.push(n) : roots.push(n)));
  return { roots, parentKeys: nodes.filter((n) => n.children.length > 0).map((n) => n.key) };
}

/** Visible height of the list: the rest of a 768-pixel screen below the statistics, never less than 320. */
function listHeight(): number {
  return Math.max(320, Math.min(720, window.innerHeight - 300));
}

/**
 * The items as a collapsible tree, rendered virtually (antd Tree with `height`): only the rows in view exist, so a
 * paste of 600 items previews and scrolls at once. Label, title, detected units and deadline marked; actions per row.
 */
export const ItemTree = memo(function ItemTree({
  items,
  actions,
  extraFor,
}: {
  items: PointItem[];
  actions: ItemActions;
  extraFor?: (i: number) => ReactNode;
}) {
  const missing = useMemo(() => missingUnits(items), [items]);
  const { roots, parentKeys } = useMemo(() => buildTree(items), [items]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  // Keys are positions: after a merge or split they name other items, so the tree opens fully again.
  useEffect(() => setCollapsed(new Set()), [items.length]);
  const expandedKeys = useMemo(() => parentKeys.filter((k) => !collapsed.has(k)), [parentKeys, collapsed]);
  const [height, setHeight] = useState(listHeight);
  useEffect(() => {
    const on = () => setHeight(listHeight());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return (
    <section aria-label="条目">
      <Tree<Node>
        treeData={roots}
        height={height}
        virtual
        blockNode
        selectable={false}
        expandedKeys={expandedKeys}
        onExpand={(keys) => {
          const open = new Set(keys.map(String));
          setCollapsed(new Set(parentKeys.filter((k) => !open.has(k))));
        }}
        titleRender={(node) => {
          const i = node.index;
          const it = items[i];
          if (!it) return null;
          return (
            <ItemRow
              item={it}
              index={i}
              missingUnit={missing[i]}
              heading={it.level <= 2 && isHeadingItem(items, i)}
              actions={actions}
              extra={extraFor?.(i)}
            />
          );
        }}
      />
    </section>
  );
});

import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

/** `ids` with the item at `index` moved by `delta` places. */
function moved(ids: readonly number[], index: number, delta: -1 | 1): number[] {
  const out = [...ids];
  const [id] = out.splice(index, 1);
  out.splice(index + delta, 0, id);
  return out;
}

/**
 * 上移/下移 for one item of an ordered list: `onMove` gets every id of the list in the new order (the services refuse a
 * list that is no longer current). Clicks stay on the buttons, so a clickable table row does not open as well.
 */
export function MoveButtons({
  ids,
  index,
  onMove,
}: {
  ids: readonly number[];
  index: number;
  onMove: (ids: number[]) => void;
}) {
  return (
    <Space size={0}>
      <Button
        size="small"
        type="text"
        aria-label="上移"
        icon={<ArrowUpOutlined />}
        disabled={index <= 0}
        onClick={(e) => {
          e.stopPropagation();
          onMove(moved(ids, index, -1));
        }}
      />
      <Button
        size="small"
        type="text"
        aria-label="下移"
        icon={<ArrowDownOutlined />}
        disabled={index < 0 || index >= ids.length - 1}
        onClick={(e) => {
          e.stopPropagation();
          onMove(moved(ids, index, 1));
        }}
      />
    </Space>
  );
}

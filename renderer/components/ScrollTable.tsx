// A table whose rows scroll in a box of at most `maxHeight` under a header that stays in view (issue 22). antd's
// `scroll.y` does this with a second table for the header, whose column widths rc-table measures after the table is
// drawn (its MeasureRow: a forced layout and a second render of the whole table each time a screen is built or shown
// again). Here the browser keeps the header in place (position: sticky) and the widths are the one table's own.
// `maxHeight` is the box's, header included (antd's scroll.y is the rows'). For tables without pages: a pager would
// scroll with the rows.
import { Table, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';

// The whole header sticks, not each cell: a header of two rows (columns grouped under a heading) stays as it is.
function StickyHeader(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} style={{ ...props.style, position: 'sticky', top: 0, zIndex: 2 }} />;
}

export function ScrollTable<T extends object>({
  maxHeight,
  components,
  ...props
}: Omit<TableProps<T>, 'scroll'> & { maxHeight: string | number }) {
  return (
    <div style={{ maxHeight, overflow: 'auto' }}>
      <Table<T> {...props} components={{ ...components, header: { ...components?.header, wrapper: StickyHeader } }} />
    </div>
  );
}

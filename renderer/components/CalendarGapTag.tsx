import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';

/**
 * Beside a light whose working days run through a year without holiday data: says the date is only counted Monday to
 * Friday; the full sentence (which year, where to enter its 放假安排) in its tooltip, or in the caller's own tooltip
 * (`explain={false}`, when the whole cell already has one).
 */
export function CalendarGapTag({ warning, explain = true }: { warning?: string | null; explain?: boolean }) {
  if (!warning) return null;
  const tag = (
    <Tag color="warning" icon={<WarningOutlined />}>
      节假日未录入
    </Tag>
  );
  return explain ? <Tooltip title={warning}>{tag}</Tooltip> : tag;
}

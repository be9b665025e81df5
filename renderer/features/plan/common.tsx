import { Tag } from 'antd';
import { CalendarGapTag } from '../../components/CalendarGapTag';
import { LIGHT_LABELS, type Light } from '../../../shared/domain/lights';

const LIGHT_COLORS: Record<Light, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  onTrack: 'green',
  done: 'blue',
  none: 'default',
};

/**
 * The task's light as a coloured tag: 已逾期 / 即将到期 / 正常推进 / 已完成 / 无时限; with a second tag when its working
 * days run through a year without holiday data.
 */
export function LightTag({
  light,
  daysLeft,
  calendarWarning,
}: {
  light: Light;
  daysLeft?: number | null;
  calendarWarning?: string | null;
}) {
  const extra =
    light === 'overdue' && daysLeft
      ? `（${-daysLeft}个工作日）`
      : light === 'dueSoon' && daysLeft !== null && daysLeft !== undefined
        ? `（剩${daysLeft}个工作日）`
        : '';
  return (
    <>
      {/* Wraps inside a narrow cell (已逾期 then （110个工作日） on the next line) rather than running into the next one. */}
      <Tag color={LIGHT_COLORS[light]} style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
        {LIGHT_LABELS[light]}
        {extra && <span style={{ whiteSpace: 'nowrap' }}>{extra}</span>}
      </Tag>
      <CalendarGapTag warning={calendarWarning} />
    </>
  );
}

export function taskHref(id: number): string {
  return `#/plan/task/${id}`;
}

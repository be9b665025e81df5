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
      <Tag color={LIGHT_COLORS[light]}>
        {LIGHT_LABELS[light]}
        {extra}
      </Tag>
      <CalendarGapTag warning={calendarWarning} />
    </>
  );
}

export function taskHref(id: number): string {
  return `#/plan/task/${id}`;
}

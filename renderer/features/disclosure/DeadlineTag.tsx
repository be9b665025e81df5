// An application's 办理期限 light, on the 信息公开 screen and its home card (its own file: the home card is start-up code,
// the screen is not).
import { Tag } from 'antd';
import type { DeadlineState } from '../../../shared/domain/disclosure';
import { CalendarGapTag } from '../../components/CalendarGapTag';

const STATE_COLOR: Record<DeadlineState, string> = {
  正常: 'green',
  即将到期: 'orange',
  逾期: 'red',
  暂停计时: 'blue',
  按期办结: 'default',
  逾期办结: 'volcano',
};
/**
 * An application's light. When its days run through a year without holiday data, a second tag says the date is only
 * counted Monday–Friday (the full sentence, pointing to 设置 → 工作日历, in its tooltip).
 */
export function DeadlineTag({
  state,
  calendarWarning,
  explain = true,
}: {
  state: DeadlineState;
  calendarWarning?: string | null;
  /** Whether the second tag explains itself in a tooltip (off where the whole cell already has one). */
  explain?: boolean;
}) {
  return (
    <>
      <Tag color={STATE_COLOR[state]}>{state}</Tag>
      <CalendarGapTag warning={calendarWarning} explain={explain} />
    </>
  );
}

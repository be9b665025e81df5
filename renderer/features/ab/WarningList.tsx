// The AB warnings list, shared by the AB岗 screen and its home card (its own file: the home card is start-up code, the
// screen is not).
import { Alert, Space } from 'antd';
import type { TeamWarning } from '../../../shared/domain/ab';
import { CalendarGapTag } from '../../components/CalendarGapTag';

/** The AB warnings, most urgent first; a 备案 limit counted through a year without holiday data says so. */
export function WarningList({
  warnings,
  compact,
}: {
  warnings: Pick<TeamWarning, 'severity' | 'message' | 'calendarWarning'>[];
  compact?: boolean;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={compact ? 4 : 8}>
      {warnings.map((w, i) => (
        <Alert
          key={i}
          type={w.severity}
          showIcon
          message={
            <>
              {w.message} <CalendarGapTag warning={w.calendarWarning} />
            </>
          }
        />
      ))}
    </Space>
  );
}

import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { localIsoDate } from '../../shared/domain/dates';

/** A date picker whose value is an ISO `YYYY-MM-DD` string (what the services take), for use inside Form.Item. */
export function DateField({
  value,
  onChange,
  id,
  placeholder,
  disabled,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      placeholder={placeholder ?? '选择日期'}
      disabled={disabled}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}

/** Today on this computer's clock (the same definition the services use). */
export function todayIso(): string {
  return localIsoDate(new Date());
}

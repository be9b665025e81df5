import { InputNumber } from 'antd';
import { useEffect, useState } from 'react';

/** The screen's own year: typed digits are taken on Enter or on leaving the box, not at every keystroke. */
export function YearInput({
  year,
  onChange,
  label,
}: {
  year: number;
  onChange: (y: number) => void;
  /** The box's accessible name (统计年度, 台账年度 …). */
  label: string;
}) {
  const [typed, setTyped] = useState<number | null>(year);
  useEffect(() => setTyped(year), [year]);
  const commit = () => {
    if (typed !== null && Number.isInteger(typed) && typed >= 2000 && typed <= 2100 && typed !== year) onChange(typed);
    // Shows the year in use until the change has happened (a question about unsaved work may keep it).
    setTyped(year);
  };
  return (
    <InputNumber
      aria-label={label}
      min={2000}
      max={2100}
      precision={0}
      value={typed}
      onChange={(v) => setTyped(v)}
      onPressEnter={(e) => {
        // The Enter must not go on to press a button of the question it may open (保存 has the focus there).
        e.preventDefault();
        commit();
      }}
      onBlur={commit}
      onStep={(v) => onChange(v)}
      addonAfter="年"
      style={{ width: 120 }}
    />
  );
}

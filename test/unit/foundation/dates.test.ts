import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDateRange, formatChineseDateTime } from '../../../shared/domain/dates';

describe('dates in running text', () => {
  it('a date: year in full, no leading zeros', () => {
    expect(formatChineseDate('2026-12-07')).toBe('2026年12月7日');
    expect(formatChineseDate('长期')).toBe('长期');
  });

  it('a stored moment: the date as text says it, then hours and minutes', () => {
    expect(formatChineseDateTime('2026-12-07 04:18:15')).toBe('2026年12月7日 04:18');
    expect(formatChineseDateTime('2026-03-05T09:05:00')).toBe('2026年3月5日 09:05');
    expect(formatChineseDateTime('2026-03-05')).toBe('2026年3月5日');
    expect(formatChineseDateTime('')).toBe('');
  });

  it('a span: the year once when both dates share it', () => {
    expect(formatChineseDateRange('2025-10-23', '2025-10-24')).toBe('2025年10月23日至10月24日');
    expect(formatChineseDateRange('2025-12-30', '2026-01-02')).toBe('2025年12月30日至2026年1月2日');
    expect(formatChineseDateRange('2025-10-23', '2025-10-23')).toBe('2025年10月23日');
  });
});

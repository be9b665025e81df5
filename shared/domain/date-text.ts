// Dates as running text says them (2026年12月7日), never ISO in a sentence. No imports: the home screen's start-up
// code quotes dates too (test/unit/foundation/startup-code.test.ts keeps schemas and holiday data out of it).

/**
 * A date as documents and running text print it: year in full, no leading zeros (2024-03-05 → 2024年3月5日), the
 * form of the 成文日期 (GB/T 9704) and of every date a sentence quotes. Text that is not an ISO date is returned as is.
 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * A moment (2026-12-07 04:18:15, as the database stores times) as running text says it: 2026年12月7日 04:18, or with
 * `seconds` 04:18:15 (where two moments a few seconds apart are compared). A bare ISO date is formatted as
 * formatChineseDate; other text is returned as is.
 */
export function formatChineseDateTime(stamp: string, opts: { seconds?: boolean } = {}): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(stamp);
  if (!m) return formatChineseDate(stamp);
  return `${formatChineseDate(m[1])} ${m[2]}:${m[3]}${opts.seconds ? `:${m[4] ?? '00'}` : ''}`;
}

/** Two dates as running text joins them: 2025年10月23日至10月24日 (the year once when both share it), or one date. */
export function formatChineseDateRange(from: string, to: string): string {
  if (from === to) return formatChineseDate(from);
  const end = formatChineseDate(to);
  return `${formatChineseDate(from)}至${from.slice(0, 4) === to.slice(0, 4) && end !== to ? end.replace(/^\d{4}年/, '') : end}`;
}

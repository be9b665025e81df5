// The working year: the years the header's year box offers and a year typed into it. Apart from dates.ts (which reads
// the holiday calendar) so that the window's start-up code needs neither.

/** The working years a user can switch to: every year with data, the chosen one, this year and the next. */
export function yearChoices(dataYears: readonly number[], workingYear: number | null, thisYear: number): number[] {
  const all = new Set<number>([...dataYears, thisYear, thisYear + 1]);
  if (workingYear !== null) all.add(workingYear);
  return [...all].filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100).sort((a, b) => b - a);
}

/** A year typed in the year box ("2015", "2015年"), or null when it is not a year the workstation accepts. */
export function parseTypedYear(text: string): number | null {
  const m = /^\s*(\d{4})\s*(年度?)?\s*$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 2000 && y <= 2100 ? y : null;
}

// A bench section: one area's speed measurements. Add yours to SECTIONS in run.ts.
export interface BenchSection {
  /** Short name, used to run one section: npm run bench -- points */
  name: string;
  title: string;
  run(): Promise<void>;
}

/** Wall times of `runs` calls in milliseconds, fastest first, after `warmUps` calls that are not counted. */
export async function timesMs(fn: () => unknown, runs: number, warmUps = 1): Promise<number[]> {
  for (let i = 0; i < warmUps; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/** The time below which a fraction `q` of the (sorted) times fall: 0.5 is the median, 0.95 the p95. */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.floor(sorted.length * q)];
}

/** Median wall time of `runs` calls, in milliseconds (after one warm-up call). */
export async function medianMs(fn: () => unknown, runs = 10): Promise<number> {
  return quantile(await timesMs(fn, runs), 0.5);
}

export function printTable(rows: (string | number)[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log('  ' + r.map((v, c) => String(v).padEnd(widths[c] + 2)).join(''));
}

/**
 * Medians of two functions timed alternately (a, b, a, b …), so load from other processes on a shared machine falls
 * on both alike.
 */
export async function pairedMedians(a: () => unknown, b: () => unknown, runs = 11): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [],
    tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  const med = (xs: number[]) =>
    quantile(
      xs.sort((x, y) => x - y),
      0.5,
    );
  return [med(ta), med(tb)];
}

import { afterEach, beforeEach } from 'vitest';
import { loadDemo } from '../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from './workstation';

/**
 * For a test file that reads the example data: before each test a fresh workstation for `today`'s year, its clock
 * fixed at `today`, with the example year loaded; closed and removed after each test. Call once at the top level and
 * read the workstation through the returned getter inside tests.
 */
export function exampleYearPerTest(today: string): () => TestWorkstation {
  let t: TestWorkstation | undefined;
  beforeEach(async () => {
    t = await openTestWorkstation({ year: Number(today.slice(0, 4)), now: () => new Date(`${today}T10:00:00`) });
    await loadDemo(t.ws.context());
  });
  afterEach(() => t?.cleanup());
  return () => t!;
}

// What an area's demo step is (a leaf file: areas implement it without importing the demo runner).
import type { AppContext } from '../workstation';

export interface DemoState {
  year: number;
  /** Today as the workstation's clock says (ISO). */
  today: string;
  departments: Map<string, number>;
  /** Staff ids by department name. */
  staff: Map<string, number[]>;
  /** Staff ids by name (every person the example names is on the staff list). */
  people: Map<string, number>;
  /** Source documents imported by the points step. */
  documentIds: number[];
}

export interface DemoStep {
  name: string;
  /** Adds the area's example data; returns lines for the summary shown to the user. */
  run(ctx: AppContext, state: DemoState): Promise<string[]>;
}

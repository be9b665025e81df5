// What a cross-area service needs from every area (the documents of `export`, the steps of the example year, the
// figures of the 工作总结), handed to it through the context by the composition root (main/areas/index.ts
// `areaServices`, used by the Electron entry, the web host and the CLI). A service never imports the area list: the
// list sits above every layer and imports them, so every import points down.
import type { CalendarFollower } from './calendar';
import type { DemoStep } from './demo/types';
import type { Exporter } from './exporter';
import type { SummaryContribution } from './summary/provider';

export interface AreaServices {
  /** Every area's exporters by kind. */
  exporters(): Promise<Record<string, Exporter>>;
  /** Every area's demo step, in area order (the bureau first). */
  demoSteps(): Promise<DemoStep[]>;
  /** Every area's part of the 工作总结 (figures and lists), in area order. */
  summary(): Promise<SummaryContribution[]>;
  /** Every area's follower of the working-day calendar (dates it stored, counted again when the calendar changes). */
  calendarFollowers(): Promise<CalendarFollower[]>;
}

/** A workstation opened without the areas (a test of the database alone): asking for one of them says so. */
export const NO_AREAS: AreaServices = {
  exporters: () => Promise.reject(new Error('此工作台未加载各业务区（只用于数据库测试）')),
  demoSteps: () => Promise.reject(new Error('此工作台未加载各业务区（只用于数据库测试）')),
  summary: () => Promise.reject(new Error('此工作台未加载各业务区（只用于数据库测试）')),
  calendarFollowers: () => Promise.reject(new Error('此工作台未加载各业务区（只用于数据库测试）')),
};

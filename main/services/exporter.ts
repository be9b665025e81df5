// What an area's export is (a leaf file: areas implement it without importing the registry in exports.ts).
import type { AppContext } from './workstation';

export interface ExportArgs {
  year: number;
  /** A record the export is about (e.g. one training), for exports that need one. */
  id?: number;
  /** Date range (ISO), for exports that take one. */
  from?: string;
  to?: string;
  /** The day a table is as of (e.g. the AB岗设置表), for exports that take one; today when not given. */
  date?: string;
}

export interface Exporter {
  /** Chinese name shown in usage and menus. */
  label: string;
  /** Builds the file: default file name and bytes. Nothing is written. */
  build(ctx: AppContext, args: ExportArgs): Promise<{ fileName: string; data: Buffer }>;
  /**
   * What the user must know about the file before relying on it (e.g. a 年报 of a year not ended: a draft as of
   * today), said when exporting (the command line prints it); null: nothing.
   */
  notice?(ctx: AppContext, args: ExportArgs): Promise<string | null>;
}

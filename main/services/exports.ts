// Every export the workstation offers, by name: the CLI's `export <name>` and the areas' export methods use it.
// Areas add their exporters to EXPORTERS (one line each).
import type { DeliveredFile } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { planExporters } from './plan/exports';
import { teamExporters } from './team/exports';
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
}

export const EXPORTERS: Record<string, Exporter> = {
  ...planExporters,
  ...teamExporters,
};

export function exporterNames(): string[] {
  return Object.keys(EXPORTERS);
}

/** Builds an export and hands it to the host (save dialog, download, or the CLI's --out). */
export async function runExport(ctx: AppContext, name: string, args: ExportArgs): Promise<DeliveredFile> {
  const e = EXPORTERS[name];
  if (!e) throw new AppError(ErrorCode.VALIDATION, `未知的导出类型“${name}”。可用：${exporterNames().join('、')}`);
  const { fileName, data } = await e.build(ctx, args);
  return ctx.files.deliver(fileName, data);
}

// Every export the workstation offers, by kind, from the areas (the context's `areas`, main/areas/index.ts): the CLI's
// `export <kind>` and the areas' export methods both run them through runExport().
import type { DeliveredFile } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { ExportArgs, Exporter } from './exporter';
import type { AppContext } from './workstation';

export type { ExportArgs, Exporter } from './exporter';

/** Every area's exporters by kind. */
function loadExporters(ctx: AppContext): Promise<Record<string, Exporter>> {
  return ctx.areas.exporters();
}

/** Builds an export and hands it to the host (save dialog, download, or the CLI's --out). */
export async function runExport(ctx: AppContext, kind: string, args: ExportArgs): Promise<DeliveredFile> {
  const exporters = await loadExporters(ctx);
  const e = Object.hasOwn(exporters, kind) ? exporters[kind] : undefined;
  if (!e)
    throw new AppError(ErrorCode.VALIDATION, `未知的导出类型“${kind}”。可用：${Object.keys(exporters).join('、')}`);
  const { fileName, data } = await e.build(ctx, args);
  return ctx.files.deliver(fileName, data);
}

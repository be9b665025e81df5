// Every export the workstation offers, by kind, gathered from the areas (main/areas.ts): the CLI's `export <kind>`
// and the areas' export methods both run them through runExport().
import type { DeliveredFile } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { AREAS } from '../areas';
import type { ExportArgs, Exporter } from './exporter';
import type { AppContext } from './workstation';

export type { ExportArgs, Exporter } from './exporter';

let loaded: Promise<Record<string, Exporter>> | null = null;

/** Every area's exporters by kind (memoised). Two areas claiming one kind is a programming error, caught by a test. */
export function loadExporters(): Promise<Record<string, Exporter>> {
  loaded ??= Promise.all(AREAS.map((a) => a.exporters?.() ?? {})).then(
    (parts) => Object.assign({}, ...parts) as Record<string, Exporter>,
  );
  return loaded;
}

/** Builds an export and hands it to the host (save dialog, download, or the CLI's --out). */
export async function runExport(ctx: AppContext, kind: string, args: ExportArgs): Promise<DeliveredFile> {
  const exporters = await loadExporters();
  const e = Object.hasOwn(exporters, kind) ? exporters[kind] : undefined;
  if (!e)
    throw new AppError(ErrorCode.VALIDATION, `未知的导出类型“${kind}”。可用：${Object.keys(exporters).join('、')}`);
  const { fileName, data } = await e.build(ctx, args);
  return ctx.files.deliver(fileName, data);
}

// 工作要点 helpers that need no schema library: the import readers use these, so the command line's parse-points
// starts without loading zod.

/** Largest file accepted for import. A 工作要点 file is rarely over 1 MB; the screen refuses bigger ones before reading. */
export const MAX_POINTS_FILE_BYTES = 20 * 1024 * 1024;

/** The short heading of an item's text: up to the first 。 (or the first line). */
export function titleOfText(text: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  let t = firstLine.split('。')[0];
  // A heading run together with its body on one line ("总体要求 认真落实…"): the words before the gap.
  const gap = /[\u4e00-\u9fff）)”]\s+(?=[\u4e00-\u9fff“])/.exec(t);
  if (gap && gap.index < 40) t = t.slice(0, gap.index + 1);
  return t.trim();
}

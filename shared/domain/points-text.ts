// 工作要点 helpers that need no schema library: the import readers use these, so the command line's parse-points
// starts without loading zod.

/** Largest file accepted for import. A 工作要点 file is rarely over 1 MB; the screen refuses bigger ones before reading. */
export const MAX_POINTS_FILE_BYTES = 20 * 1024 * 1024;

/** Longest heading an item gets; the item's full text is kept in its text. */
const MAX_TITLE_CHARS = 200;

/**
 * The short heading of an item's text: up to the first 。 (or the first line). A paragraph that runs on without a
 * 。 (clauses joined by ；) is shortened at the last ；，、： within MAX_TITLE_CHARS (or at the limit) and marked "…".
 */
export function titleOfText(text: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  let t = firstLine.split('。')[0];
  // A heading run together with its body on one line ("总体要求 认真落实…"): the words before the gap.
  const gap = /[\u4e00-\u9fff）)”]\s+(?=[\u4e00-\u9fff“])/.exec(t);
  if (gap && gap.index < 40) t = t.slice(0, gap.index + 1);
  t = t.trim();
  if (t.length <= MAX_TITLE_CHARS) return t;
  const head = t.slice(0, MAX_TITLE_CHARS);
  const cut = Math.max(...['；', ';', '，', ',', '、', '：'].map((c) => head.lastIndexOf(c)));
  return `${cut >= 20 ? head.slice(0, cut) : head}…`;
}

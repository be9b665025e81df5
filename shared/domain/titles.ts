// Titles as running text quotes them (no leading 序号, no closing punctuation). Apart from summary-draft.ts: the home
// screen's section chart uses it, and the window's start-up code should not carry the 总结's drafting.

/** Section titles as printed in the plan carry their own numbers ("一、加强政策解读"): the summary words them itself. */
export function bareTitle(title: string): string {
  return title
    .replace(/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])\s*/, '')
    .replace(/[。；;，,]+$/, '')
    .trim();
}

/** A document's title inside 《》 as running text quotes it: a 《》 within it becomes 〈〉 (never 《《…》…》). */
export function bookTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

// The scrollbar's width, measured once per scrollbar style instead of on every table and dialog (issue 22). rc-table
// measures it when each table mounts, and the dialogs' scroll lock when each opens (@rc-component/util
// getTargetScrollBarSize): a box is added to the page with a style of its own and its width read, which forces a style
// recalculation and a layout of the whole new screen in the middle of its first render (≈ 10–20 ms of each screen's
// opening in a trace, once per table). The answer depends only on the element's scrollbar styles and the zoom, so it
// is kept by those. A table without a fixed header (all but the import preview's: ScrollTable keeps its header in view
// with CSS) never uses it, since rc-table only narrows a fixed header's last column by it: such a table gets 0 at once,
// without reading the element's styles, which forced a style recalculation of the new screen (≈ 10–16 ms of each
// screen's first opening, and again whenever a kept screen is shown, since that runs its layout effects again). The
// build puts this module in place of the library's own for the library's callers
// (electron.vite.config.ts, keptScrollbarSize); it measures with the library's function the first time.
import getScrollBarSize, { getTargetScrollBarSize as measure } from '@rc-component/util/es/getScrollBarSize';

const sizes = new Map<string, { width: number; height: number }>();

export default getScrollBarSize;

export function getTargetScrollBarSize(target: unknown): { width: number; height: number } {
  if (typeof document === 'undefined' || !(target instanceof Element)) return measure(target as HTMLElement);
  // rc-table measures its `-content` box when the header is not fixed, its `-body` box when it is.
  if (target.classList.contains('ant-table-content')) return { width: 0, height: 0 };
  const own = getComputedStyle(target);
  const webkit = getComputedStyle(target, '::-webkit-scrollbar');
  const key = [own.scrollbarColor, own.scrollbarWidth, webkit.width, webkit.height, window.devicePixelRatio].join('|');
  let size = sizes.get(key);
  if (!size) {
    size = measure(target as HTMLElement);
    sizes.set(key, size);
  }
  return { ...size };
}

import path from 'node:path';

/**
 * The file under `root` a request path names, or null when the path is malformed or points outside `root`
 * (`..`, encoded separators, a sibling folder sharing the prefix). No Electron import: both hosts use it.
 */
export function fileUnderRoot(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.sep}${decoded.replace(/^[/\\]+/, '')}`);
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

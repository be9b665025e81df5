// A file name that came from data (an attachment's stored name, a title) made safe as the last part of a path in
// the save dialog: no directories, no characters Windows refuses, no device names, a sane length.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Characters Windows does not allow in a name, path separators and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const BAD_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
const MAX_CHARS = 120;

export function safeFileName(name: string, fallback = '文件'): string {
  // Only the last path segment counts: "..\\..\\Windows\\evil.exe" and "/etc/passwd" lose their directories.
  const last = name.split(/[\\/]/).pop() ?? '';
  let s = last
    .replace(BAD_CHARS, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const dot = s.lastIndexOf('.');
  let stem = dot > 0 ? s.slice(0, dot) : s;
  const ext = dot > 0 ? s.slice(dot) : '';
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  if (stem.length + ext.length > MAX_CHARS) stem = stem.slice(0, Math.max(1, MAX_CHARS - ext.length));
  s = `${stem}${ext}`;
  return s && s !== ext ? s : `${fallback}${ext}`;
}

// Every file under a folder with a hash of its bytes: a refusal is proven to have written nothing anywhere when the
// snapshot after it equals the one before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const fileHash = (file: string): string =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Each file under `dir` (recursively), by its path relative to `dir`, with its hash. */
export function folderSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fileHash(full);
    }
  };
  walk(dir);
  return out;
}

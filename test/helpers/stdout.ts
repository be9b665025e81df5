// Captures what a CLI command writes to standard output (restore with vi.restoreAllMocks()).
import { vi } from 'vitest';

export function captureStdout(): () => string {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  return () => out.join('');
}

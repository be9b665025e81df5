import { describe, expect, it } from 'vitest';
import { CLI_AREAS, COMMAND_AREAS } from '../../../main/cli/run';

describe('CLI command table', () => {
  it('routes every command each area defines to that area, and nothing else', async () => {
    const defined = new Map<string, unknown>();
    for (const load of CLI_AREAS) {
      for (const name of Object.keys(await load())) {
        expect(defined.has(name), `命令 ${name} 在两个功能区重复定义`).toBe(false);
        defined.set(name, load);
      }
    }
    expect(Object.keys(COMMAND_AREAS).sort()).toEqual([...defined.keys()].sort());
    for (const [name, load] of Object.entries(COMMAND_AREAS)) expect(load, name).toBe(defined.get(name));
  });
});

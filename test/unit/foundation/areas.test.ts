// An area is registered whole or not at all: these checks fail when a manifest names a command its module does not
// define, two areas claim one method, command or export kind, or one side of the app knows an area the other does not.
import { describe, expect, it } from 'vitest';
import { AREAS, areaServices } from '../../../main/areas';
import { COMMAND_AREAS } from '../../../main/cli/run';
import { loadHandlers } from '../../../main/ipc/handlers';
import type { Exporter } from '../../../main/services/exports';
import { contract, METHODS } from '../../../shared/ipc/contract';

const CHINESE = /[\u4e00-\u9fff]/;

// The renderer's list, loaded by path: the Node-side typecheck does not compile the renderer's TSX and DOM code.
const RENDERER_AREAS_FILE = '../../../renderer/areas.tsx';
const { AREAS: RENDERER_AREAS, ROUTES } = (await import(/* @vite-ignore */ RENDERER_AREAS_FILE)) as {
  AREAS: { name: string }[];
  ROUTES: { path: string; label: string; icon: unknown }[];
};

describe('area manifests', () => {
  it('the Node side and the renderer list the same areas, in the same order', () => {
    expect(RENDERER_AREAS.map((a) => a.name)).toEqual(AREAS.map((a) => a.name));
  });

  it('every contract method has exactly one handler, and no handler lacks a method', async () => {
    const owner = new Map<string, string>();
    for (const area of AREAS) {
      for (const m of Object.keys(await area.handlers())) {
        expect(owner.get(m), `方法 ${m} 由 ${owner.get(m)} 和 ${area.name} 两处处理`).toBeUndefined();
        owner.set(m, area.name);
      }
    }
    expect([...owner.keys()].sort()).toEqual([...METHODS].sort());
    expect(Object.keys(await loadHandlers()).sort()).toEqual(Object.keys(contract).sort());
  });

  it("each area's command module defines exactly the commands its manifest names", async () => {
    const seen = new Set<string>();
    for (const area of AREAS) {
      if (!area.cli) continue;
      const defined = Object.keys(await area.cli.load()).sort();
      expect(defined, area.name).toEqual([...area.cli.commands].sort());
      for (const c of defined) {
        expect(seen.has(c), `命令 ${c} 在两个功能区重复定义`).toBe(false);
        seen.add(c);
        expect(COMMAND_AREAS[c]).toBe(area.cli.load);
      }
    }
    expect(Object.keys(COMMAND_AREAS).sort()).toEqual([...seen].sort());
  });

  it('every export kind belongs to one area, has a Chinese label, and is what `export <kind>` offers', async () => {
    const kinds: string[] = [];
    for (const area of AREAS) {
      if (!area.exporters) continue;
      const own = await area.exporters();
      for (const [kind, e] of Object.entries(own) as [string, Exporter][]) {
        expect(kinds, `导出类型 ${kind} 重复`).not.toContain(kind);
        expect(e.label, kind).toMatch(CHINESE);
        kinds.push(kind);
      }
    }
    expect(Object.keys(await areaServices.exporters()).sort()).toEqual(kinds.sort());
    const usage = await COMMAND_AREAS.export();
    expect(usage.export).toBeDefined();
  });

  it('every screen has a unique path, a Chinese menu label and an icon', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const r of ROUTES) {
      expect(r.label, r.path).toMatch(CHINESE);
      expect(r.icon, r.path).toBeTruthy();
    }
    expect(ROUTES[0].path).toBe('home');
  });
});

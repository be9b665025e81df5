import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Start-up (issue 22): renderer/early.ts, a second entry of its own, goes into index.html before the app's entry, so
 * it runs (and asks for app.status) while the app's ≈ 0.9 MB of start-up code is still being fetched and compiled. As
 * one more module script in index.html it would be bundled into the app's entry and run only after all of that.
 */
function earlyScript(): Plugin {
  return {
    name: 'zwgk-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'early');
        if (!early) throw new Error('renderer/early.ts was not built');
        return html.replace(
          '<script type="module"',
          `<script type="module" crossorigin src="./${early.fileName}"></script>\n    <script type="module"`,
        );
      },
    },
  };
}

/**
 * Issue 22: the scrollbar width measured once per scrollbar style (renderer/scrollbar-size.ts) for @rc-component/util's
 * own callers (its index, which rc-table and the dialogs' scroll lock import, and its scroll locker), instead of a
 * forced layout on every table and dialog.
 */
function keptScrollbarSize(): Plugin {
  const shim = resolve('renderer/scrollbar-size.ts');
  return {
    name: 'zwgk-kept-scrollbar-size',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]@rc-component[\\/]util[\\/]es[\\/]/.test(importer)) return null;
      return /^\.\.?\/(\.\.\/)?getScrollBarSize(\.js)?$/.test(source) ? shim : null;
    },
  };
}

// One build for both hosts: out/main + out/preload for Electron, out/renderer for Electron and the web host.
export default defineConfig({
  main: {
    build: {
      // parse-worker: the worker every reader of a user's file runs in (main/import/worker/run.ts finds it beside index.js).
      rollupOptions: {
        input: { index: resolve('main/index.ts'), 'parse-worker': resolve('main/import/worker/entry.ts') },
        // Native modules are loaded from node_modules at run time, never bundled.
        external: ['better-sqlite3', '@resvg/resvg-js', 'electron'],
      },
    },
  },
  preload: {
    // A sandboxed renderer cannot load an ESM preload: emit CommonJS.
    build: {
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), earlyScript(), keptScrollbarSize()],
    // Minified, one cacheable chunk of the libraries the first screen needs (React, antd, icons, dayjs ...: the modules
    // tagged $initial, reached by static imports from the entry) apart from our code, and each screen in its own chunk
    // loaded when first opened or preloaded when the window is idle (renderer/area.ts lazyScreen, preloadScreens): the
    // window shows the home screen without parsing every area's code first. Libraries only a later chunk uses stay
    // with it: ECharts (≈ 545 KB) is fetched by the home screen while its cards wait for their data
    // (renderer/components/EChart.tsx), never before the first paint.
    build: {
      minify: true,
      // ZWGK_SOURCEMAP=1 npm run build: source maps, to read a performance trace (npm run bench -- startup) by file.
      sourcemap: process.env.ZWGK_SOURCEMAP === '1',
      chunkSizeWarningLimit: 2500,
      rolldownOptions: {
        input: { index: resolve('renderer/index.html'), early: resolve('renderer/early.ts') },
        output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/, tags: ['$initial'] }] } },
      },
    },
  },
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
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
        input: resolve('renderer/index.html'),
        output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/, tags: ['$initial'] }] } },
      },
    },
  },
});

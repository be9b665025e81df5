import { build } from 'esbuild';

/**
 * Bundles a Node entry point into one CommonJS file, as the tests that start real processes need. The native
 * modules stay outside the bundle and are loaded from node_modules, as scripts/cli.mjs and the Electron build do.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['better-sqlite3', '@resvg/resvg-js', 'electron'],
    logLevel: 'error',
  });
}

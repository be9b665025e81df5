// The part of the stylesheet the host's drawing of the home screen takes inline (renderer/first-screen/critical-css.ts,
// issue 22): every rule that may match an element of the drawing is in it, whole and in order; a rule is left out
// only when one class it needs is on no element.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');

// The module built for Node as the host's worker runs it (inside out/first-screen/draw.cjs); the Node-side tsconfig
// does not reach renderer/.
let criticalCss: (sheet: string) => (html: string) => string;
beforeAll(async () => {
  const dir = makeTempDir();
  const file = path.join(dir, 'critical-css.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'renderer/first-screen/critical-css.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  ({ criticalCss } = createRequire(__filename)(file) as { criticalCss: typeof criticalCss });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a rule', () => {
  /** Whether a rule with `selector` is kept for an element carrying `classes`. */
  const kept = (selector: string, classes: string) =>
    criticalCss(`${selector}{color:red}`)(`<i class="${classes}"></i>`) !== '';

  it('needs the classes outside brackets and parentheses, each on some element', () => {
    const selector = '.ant-card .ant-card-head>.ant-card-head-title';
    expect(kept(selector, 'ant-card ant-card-head ant-card-head-title')).toBe(true);
    expect(kept(selector, 'ant-card ant-card-head')).toBe(false);
    expect(kept('.ant-btn:not(.ant-btn-disabled):hover', 'ant-btn')).toBe(true);
    expect(kept('.ant-btn:not(.ant-btn-disabled):hover', 'ant-btn-disabled')).toBe(false);
    expect(kept('.ant-form:has(.ant-form-item-has-error)', 'ant-form')).toBe(true);
    expect(kept('.ant-form-css-var [class^="ant-form"]::before', 'ant-form-css-var')).toBe(true);
    expect(kept('.ant-app [class*=\\ ant-app]', 'ant-app')).toBe(true);
    expect(kept('.ant-app [class*=\\ ant-app]', 'ant-apps')).toBe(false);
  });

  it('without a class, or with one written with an escape, is kept', () => {
    expect(kept('[data-x=".ant-modal"] a[href$=".pdf"]', '')).toBe(true);
    expect(kept('html, body', '')).toBe(true);
    expect(kept('.w-1\\/2.ant-col', 'ant-col')).toBe(true);
    expect(kept('.w-1\\/2.ant-col', 'w-1')).toBe(false);
  });
});

describe('the critical part of a stylesheet', () => {
  const sheet = [
    '@font-face{font-family:X;src:url(x.woff2)}',
    ':root{--c:red}',
    'html,body{margin:0}',
    'a:hover{color:var(--c)}',
    '.ant-card{border:1px solid #ccc}',
    '.ant-modal{position:fixed}',
    '.ant-card .ant-tag{color:red}',
    '.ant-card:not(.ant-card-bordered){border:0}',
    '.ant-modal,.ant-card-head{padding:8px}',
    '.ant-form-css-var [class^="ant-form"]{box-sizing:border-box}',
    '@media (width>=768px){.ant-card{margin:4px}.ant-modal{width:500px}}',
    '@media (width>=1200px){.ant-modal{width:800px}}',
    '@supports (gap:1px){.ant-tag{gap:1px}}',
    '@keyframes spin{to{transform:rotate(1turn)}}',
    '/* a comment */.ant-card-head{font-weight:600}',
  ].join('');
  const html =
    '<div class="ant-card  ant-card-bordered"><div class="ant-card-head">标题</div><svg class="x"></svg></div>';

  it('keeps every rule that may match, whole and in the stylesheet’s order, and drops the rest', () => {
    expect(criticalCss(sheet)(html)).toBe(
      [
        '@font-face{font-family:X;src:url(x.woff2)}',
        ':root{--c:red}',
        'html,body{margin:0}',
        'a:hover{color:var(--c)}',
        '.ant-card{border:1px solid #ccc}',
        '.ant-card:not(.ant-card-bordered){border:0}',
        // A list is kept whole when one of its selectors may match.
        '.ant-modal,.ant-card-head{padding:8px}',
        '@media (width>=768px){.ant-card{margin:4px}}',
        '@keyframes spin{to{transform:rotate(1turn)}}',
        '.ant-card-head{font-weight:600}',
      ].join(''),
    );
  });

  it('is matched again for each drawing against the stylesheet parsed once', () => {
    const critical = criticalCss(sheet);
    const withTag = critical(
      '<div class="ant-card"><span class="ant-tag">新</span></div><div class="ant-form-css-var">',
    );
    expect(withTag).toContain('.ant-card .ant-tag{color:red}');
    expect(withTag).toContain('@supports (gap:1px){.ant-tag{gap:1px}}');
    expect(withTag).toContain('.ant-form-css-var [class^="ant-form"]{box-sizing:border-box}');
    expect(critical(html)).not.toContain('.ant-tag');
  });

  it('of antd’s stylesheet, for a card, holds the card’s rules and not a dialog’s', () => {
    const antd = fs.readFileSync(path.join(ROOT, 'node_modules/antd/dist/antd.css'), 'utf8');
    const part = criticalCss(antd)(
      '<div class="ant-card ant-card-bordered"><div class="ant-card-head"><div class="ant-card-head-title">标题</div></div><div class="ant-card-body">内容</div></div>',
    );
    // The rules as antd writes them, found in its stylesheet by their selectors.
    const rule = (selector: string) => {
      const at = antd.indexOf(`}${selector}{`);
      expect(at, selector).toBeGreaterThan(0);
      return antd.slice(at + 1, antd.indexOf('}', at + 1) + 1);
    };
    expect(part).toContain(rule('.ant-card'));
    expect(part).toContain(rule('.ant-card .ant-card-head'));
    expect(part).not.toContain(rule('.ant-modal'));
    expect(part.length).toBeLessThan(antd.length / 10);
  });

  it('of antd’s stylesheet, for markup with every class it names, is the whole stylesheet as written', () => {
    const antd = fs.readFileSync(path.join(ROOT, 'node_modules/antd/dist/antd.css'), 'utf8');
    const every = new Set([...antd.matchAll(/\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/g)].map((m) => m[1]));
    expect(every.size).toBeGreaterThan(1000);
    expect(criticalCss(antd)(`<div class="${[...every].join(' ')}"></div>`)).toBe(antd.trim());
  });
});

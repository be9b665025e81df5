// The part of the page's stylesheet that the home screen drawn by the host needs (issue 22; main/app/first-screen.ts
// puts it inline beside the drawing). The whole stylesheet is antd's (≈ 1 MB, every component's rules): with it in
// the page's head, the drawn screen's first paint waited for it to be fetched and parsed, and for a style recalc
// against all of it — a blank page showed in ≈ 70 ms, the drawn screen in ≈ 320 ms, and ≈ 270 ms with only the rules
// it uses. So the drawn screen paints with those rules alone, and the whole stylesheet is applied once loaded.
//
// A rule is left out only when it cannot match anything in the drawing: one of its selectors' classes — outside any
// :not(), :has(), :is() …, which need not hold — is on no element of it. Everything else is kept (rules of elements
// and attributes, html, body, :root, @font-face, @keyframes …): a kept rule the drawing does not need costs a little
// time, a missing one an unstyled screen. Rules are kept whole and in their order, so the drawing looks as it does
// under the whole stylesheet.
//
// Run on the host, in the drawing worker (its first, unseen drawing): the stylesheet is parsed once (≈ 0.2 s), each
// drawing is then matched against it (≈ 1 ms; the home screen's part is ≈ 60 KB of the ≈ 1 MB).
import postcss, { type ChildNode } from 'postcss';

/** A piece of the stylesheet: kept always, kept when one of its selectors may match, or an at-rule around pieces. */
type Piece =
  | { kind: 'always'; text: string }
  | { kind: 'rule'; text: string; needs: string[][] }
  | { kind: 'group'; open: string; pieces: Piece[] };

/**
 * The classes an element must carry somewhere in the page for `selector` to match: those outside brackets and
 * parentheses. A class written with an escape is not counted (it is then not needed: the rule is kept).
 */
function classesNeeded(selector: string): string[] {
  const needs: string[] = [];
  let depth = 0;
  let quote = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\') {
      i++;
    } else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '(' || c === '[') {
      depth++;
    } else if (c === ')' || c === ']') {
      depth--;
    } else if (c === '.' && depth === 0) {
      const name = /^-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*/.exec(selector.slice(i + 1))?.[0];
      if (!name) continue;
      i += name.length;
      if (selector[i + 1] !== '\\') needs.push(name);
    }
  }
  return needs;
}

/** The pieces of `nodes`, a part of `sheet`. */
function pieces(sheet: string, nodes: ChildNode[]): Piece[] {
  // A node's text as the sheet has it (writing it out again took a third of the time of parsing the sheet).
  const text = (node: ChildNode) =>
    node.source?.start && node.source.end
      ? sheet.slice(node.source.start.offset, node.source.end.offset)
      : node.toString();
  return nodes.flatMap((node): Piece[] => {
    if (node.type === 'comment') return [];
    if (node.type === 'rule') {
      const needs = node.selectors.map(classesNeeded);
      return [
        needs.some((n) => n.length === 0)
          ? { kind: 'always', text: text(node) }
          : { kind: 'rule', text: text(node), needs },
      ];
    }
    // Conditional groups hold rules to match; every other at-rule (@keyframes, @font-face …) is kept as it is.
    if (
      node.type === 'atrule' &&
      node.nodes &&
      /^(media|supports|container|layer|scope|starting-style)$/.test(node.name)
    ) {
      const empty = node.clone({ nodes: [] }).toString();
      return [{ kind: 'group', open: empty.slice(0, empty.lastIndexOf('}')), pieces: pieces(sheet, node.nodes) }];
    }
    return [{ kind: 'always', text: text(node) }];
  });
}

/** The classes on the elements of `html` (markup as renderToString writes it: attributes in double quotes). */
function classesIn(html: string): Set<string> {
  const classes = new Set<string>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g))
    for (const name of m[1].replace(/&amp;/g, '&').split(/\s+/)) if (name) classes.add(name);
  return classes;
}

function keep(pieces: Piece[], classes: Set<string>, out: string[]): void {
  for (const p of pieces) {
    if (p.kind === 'always') out.push(p.text);
    else if (p.kind === 'rule') {
      if (p.needs.some((n) => n.every((c) => classes.has(c)))) out.push(p.text);
    } else {
      const inner: string[] = [];
      keep(p.pieces, classes, inner);
      if (inner.length > 0) out.push(p.open, ...inner, '}');
    }
  }
}

/** `sheet` parsed once: a function giving the part of it that markup `html` needs. */
export function criticalCss(sheet: string): (html: string) => string {
  const parsed = pieces(sheet, postcss.parse(sheet).nodes);
  return (html) => {
    const out: string[] = [];
    keep(parsed, classesIn(html), out);
    return out.join('');
  };
}

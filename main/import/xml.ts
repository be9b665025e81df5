// Reading the XML parts of a user's .docx/.xlsx. Every part goes through saxes: a maintained, streaming, strictly
// linear XML parser (one pass, no backtracking). The readers used to scan parts with lazy regular expressions
// (`<w:abstractNum…>[\s\S]*?</w:abstractNum>`), which take quadratic time on a flood of unclosed tags: 40,000 of
// them held the process for 9 s of CPU. saxes was chosen over fast-xml-parser and @xmldom/xmldom because the readers
// only need a stream of open/close/text events (no document tree in memory, so a part's size is the only memory it
// costs) and because it does not expand DTD entities (a "billion laughs" document stays a short string).

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';

interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  /** Also called for a self-closing element, right after its open (selfClosing true). */
  close?(name: string, selfClosing: boolean): void;
  text?(text: string): void;
}

/** Elements open at once; Word nests a few dozen deep at most, a flood of unclosed tags is refused. */
const MAX_XML_DEPTH = 2_000;

const REPLACEMENT = '\uFFFD';

/**
 * saxes, but as lenient as a browser about references: a character reference outside Unicode (`&#99999999;`)
 * becomes U+FFFD and an undefined entity (`&lol9;`, no DTD is ever read) stays as its text, and reading goes on.
 */
class LenientParser extends SaxesParser<{ xmlns: false; position: false }> {
  constructor() {
    super({ xmlns: false, position: false });
    // saxes reports a bad reference through fail() and then keeps `&…;` as text; we substitute instead.
    const self = this as unknown as { parseEntity(entity: string): string };
    const original = self.parseEntity.bind(this);
    self.parseEntity = (entity: string) => {
      if (entity[0] === '#') {
        const n = /^#x[0-9a-f]+$/i.test(entity)
          ? parseInt(entity.slice(2), 16)
          : /^#\d+$/.test(entity)
            ? Number(entity.slice(1))
            : NaN;
        if (!Number.isInteger(n) || n > 0x10ffff || n === 0 || (n >= 0xd800 && n <= 0xdfff)) return REPLACEMENT;
      }
      return original(entity);
    };
  }
}

const LENIENT =
  /undefined entity|malformed character entity|disallowed character in entity name|empty entity name|disallowed character\.$/;

/**
 * Streams one XML part through the handlers. A malformed part (unclosed or crossed tags, text outside the root)
 * is FILE_DAMAGED, naming the file and the part; bad references are repaired (see LenientParser).
 */
export function readXml(xml: string, fileName: string, part: string, h: XmlHandlers): void {
  const parser = new LenientParser();
  let depth = 0;
  const damaged = (why: string) =>
    new AppError(
      ErrorCode.FILE_DAMAGED,
      `文件“${fileName}”已损坏或不完整（部件 ${part} 的结构不正确：${why}），无法读取。请用 Word/WPS 或 Excel 打开该文件，确认能正常显示后“另存为”新文件再导入；或复制其中文字粘贴导入。`,
    );
  parser.on('error', (err) => {
    if (LENIENT.test(err.message)) return;
    throw damaged(err.message.replace(/^[^:]*:\s*/, '').slice(0, 60));
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (!tag.isSelfClosing && ++depth > MAX_XML_DEPTH) throw damaged(`嵌套超过 ${MAX_XML_DEPTH} 层`);
    h.open?.(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing);
    if (tag.isSelfClosing) h.close?.(tag.name, true);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth--;
    h.close?.(tag.name, false);
  });
  if (h.text) {
    const onText = h.text;
    parser.on('text', (t) => onText(t));
    parser.on('cdata', (t) => onText(t));
  }
  parser.write(xml).close();
}

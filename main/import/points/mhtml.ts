// A web page saved "as a single file" (.mht/.mhtml, and Word's 单个文件网页 saved as .doc): a MIME message whose
// text/html part holds the page. Only that part is taken, decoded from quoted-printable or base64; its bytes are then
// read as any saved page (decode-text.ts finds the encoding). Linear in the file's size; no library reads MHTML
// without also pulling in a mail parser.

/** Whether the file starts as a MIME message of related parts (a header line first, multipart/related soon after). */
export function looksLikeMhtml(head: string): boolean {
  const h = head.trimStart().toLowerCase();
  return /^[a-z][a-z-]*:/.test(h) && h.includes('multipart/related');
}

function quotedPrintable(body: string): Buffer {
  const text = body.replace(/=\r?\n/g, '');
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else out[n++] = text.charCodeAt(i) & 0xff;
  }
  return out.subarray(0, n);
}

/** The page's HTML bytes, or null when the message has no text/html part. */
export function htmlPartOf(file: Buffer): Buffer | null {
  // Headers and encoded bodies are ASCII: latin1 keeps every byte of an 8bit body as one character.
  const text = file.toString('latin1');
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text.slice(0, 4096))?.[1];
  const parts = boundary ? text.split(`--${boundary}`).slice(1) : [text];
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index).toLowerCase();
    if (!/content-type:\s*text\/html/.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding:\s*([\w-]+)/.exec(headers)?.[1];
    if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    if (encoding === 'quoted-printable') return quotedPrintable(body);
    return Buffer.from(body, 'latin1');
  }
  return null;
}

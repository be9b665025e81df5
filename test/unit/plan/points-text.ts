// Plan tests start from a 工作要点 pasted as text, saved as a user saves the preview, and read the 实施方案 they export.
import type { TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';

/** Pastes `text` as the year's 工作要点 and saves it as previewed (`title` when the text has none); its document id. */
export async function importPointsText(
  t: TestWorkstation,
  text: string,
  year: number,
  title?: string,
): Promise<number> {
  const preview = await t.call('points.preview', { source: { upload: null, pastedText: text }, year });
  const saved = await t.call('points.save', {
    previewId: preview.previewId,
    replaceDocumentId: null,
    items: preview.parsed.items,
    meta: {
      title: preview.parsed.title || (title ?? ''),
      docNumber: preview.parsed.docNumber,
      issuer: preview.parsed.issuer,
      issuedDate: preview.parsed.issuedDate,
      year,
    },
  });
  if (saved.status !== 'saved') throw new Error('expected a new document');
  return saved.document.id;
}

/** The year's 实施方案 as exported: the .docx body's XML. */
export async function planDocXml(t: TestWorkstation, year: number): Promise<string> {
  await t.call('plan.export', { kind: 'plan-docx', year });
  return (await readDocx(t.delivered.at(-1)!.data)).document;
}

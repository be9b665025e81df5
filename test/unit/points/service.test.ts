import { afterEach, beforeEach, expect, it } from 'vitest';
import { listWorkPoints } from '../../../main/services/points/documents';
import type { PointItem } from '../../../shared/domain/points';
import type { PointsSaveResult } from '../../../shared/ipc/contracts/points';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { scoreItems } from './score';
import { buildDocx, readSample } from './variants';

let t: TestWorkstation;
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2020 });
});
afterEach(() => t.cleanup());

const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });
const count = (table: string) =>
  (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function importSample(name = 'work-points-province-2020') {
  const { text } = readSample(name);
  const preview = await t.call('points.preview', { source: { upload: upload(`${name}.txt`, text) } });
  const meta = {
    title: '2020年全省政务公开工作要点',
    docNumber: '黔府办发〔2020〕12号',
    issuer: '贵州省人民政府办公厅',
    issuedDate: '2020-06-05',
    year: preview.parsed.year,
  };
  const doc = saved(await t.call('points.save', { previewId: preview.previewId, meta, items: preview.parsed.items }));
  return { preview, doc, text, meta };
}

function saved(r: PointsSaveResult) {
  if (r.status !== 'saved') throw new Error(`expected saved, got ${r.status}`);
  return r.document;
}

it('导入后保存文件信息、全部条目和原文件；按年度列出；条目层级关系正确', async () => {
  const { doc, text } = await importSample();
  expect(doc).toMatchObject({
    title: '2020年全省政务公开工作要点',
    docNumber: '黔府办发〔2020〕12号',
    year: 2020,
    itemCount: 42,
    withoutUnit: 1,
    withDeadline: 7,
  });
  expect(await t.call('points.documents', { year: 2020 })).toHaveLength(1);
  expect(await t.call('points.documents', { year: 2021 })).toHaveLength(0);
  const { items } = await t.call('points.document', { id: doc.id });
  expect(scoreItems(items, readSample('work-points-province-2020').expected)).toEqual([]);
  const section = items.find((i) => i.label === '二' && i.level === 1)!;
  expect(items.find((i) => i.label === '9')!.parentId).toBe(section.id);
  expect(section.parentId).toBeNull();
  // The original file is kept with the document and comes back byte for byte.
  await t.call('attachments.download', { id: doc.attachmentId! });
  expect(t.delivered.at(-1)!.data.equals(text)).toBe(true);
  expect(doc.fileName).toBe('work-points-province-2020.txt');
});

it('条目可以在导入后查看和修正（责任单位、完成时限、层级），修正记入操作记录', async () => {
  const { doc } = await importSample();
  const { items } = await t.call('points.document', { id: doc.id });
  const it36 = items.find((i) => i.label === '36')!;
  const fixed: PointItem = {
    ...it36,
    lead: ['各级政府办公厅〔室〕'],
    support: ['省直各部门'],
    deadline: '2020-12-31',
    deadlineText: '年底前',
  };
  const saved = await t.call('points.updateItem', { id: it36.id, item: fixed });
  expect(saved).toMatchObject({ lead: ['各级政府办公厅〔室〕'], support: ['省直各部门'], deadline: '2020-12-31' });
  const again = (await t.call('points.document', { id: doc.id })).document;
  expect(again.withoutUnit).toBe(0);
  // Raising item 1 to a heading re-links the items below it.
  const one = items.find((i) => i.label === '1')!;
  await t.call('points.updateItem', { id: one.id, item: { ...one, level: 2 } });
  const after = (await t.call('points.document', { id: doc.id })).items;
  expect(after.find((i) => i.label === '2' && i.level === 3)!.parentId).toBe(one.id);
  const audit = await t.call('audit.list', { entity: 'work_point', entityId: it36.id, limit: 10 });
  expect(audit[0].changes).toHaveProperty('lead');
});

it('文件信息可以修改；与另一份文件重名时拒绝', async () => {
  const { doc, meta } = await importSample();
  const updated = await t.call('points.updateDocument', { id: doc.id, meta: { ...meta, issuer: '省政府办公厅' } });
  expect(updated.issuer).toBe('省政府办公厅');
  const paste = await t.call('points.preview', {
    source: { pastedText: '2020年某某要点\n一、加强公开\n1.做好公开。（办公室负责）' },
  });
  const other = saved(
    await t.call('points.save', {
      previewId: paste.previewId,
      meta: { title: '2020年某某要点', docNumber: null, issuer: null, issuedDate: null, year: 2020 },
      items: paste.parsed.items,
    }),
  );
  expect(other.fileName).toBe('粘贴文本.txt');
  const err = await t.call('points.updateDocument', { id: other.id, meta: { ...meta } }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'CONFLICT' });
});

it('再次导入同一文件：保存时查一次重复，答复替换会改变什么且什么也不写；确认后替换并保留未变条目的编号', async () => {
  const { doc, meta } = await importSample();
  const before = (await t.call('points.document', { id: doc.id })).items;
  // A new version: item 36 gets a note, item 35 is gone.
  const text = readSample('work-points-province-2020')
    .text.toString('utf8')
    .replace('颁奖活动。', '颁奖活动。(责任单位:各级政府办公厅〔室〕)')
    .replace(/\n35\.[^\n]*/, '');
  const items = (await t.call('points.preview', { source: { pastedText: text }, year: 2020 })).parsed.items;
  const file = upload(
    '要点（修订）.docx',
    await buildDocx({ title: meta.title, docNumber: meta.docNumber, items }, 'typed'),
  );
  const preview = await t.call('points.preview', { source: { upload: file } });
  expect(preview.parsed.docNumber).toBe('黔府办发〔2020〕12号');
  const snapshot = () => [count('source_document'), count('work_point'), count('attachment'), count('audit_log')];
  const untouched = snapshot();
  const input = { previewId: preview.previewId, meta: { ...meta }, items: preview.parsed.items };
  const answer = await t.call('points.save', input);
  expect(answer.status).toBe('confirmReplace');
  if (answer.status !== 'confirmReplace') return;
  expect(answer.replace).toMatchObject({ documentId: doc.id, removed: 1, changed: 1, added: 0, unchanged: 40 });
  expect(answer.replace.details).toEqual([
    '修改 六、36. 牵头单位',
    '删除 六、35. 要把政府信息公开条例作为落实领导干部学法制度的重…',
  ]);
  expect(snapshot()).toEqual(untouched);
  // The preview is kept for the confirmed save: no second upload, no second reading.
  const replaced = saved(await t.call('points.save', { ...input, replaceDocumentId: doc.id }));
  expect(replaced.id).toBe(doc.id);
  expect(replaced.itemCount).toBe(41);
  expect(replaced.withoutUnit).toBe(0);
  expect(replaced.fileName).toBe('要点（修订）.docx');
  expect(count('source_document')).toBe(1);
  expect(count('attachment')).toBe(1);
  const after = (await t.call('points.document', { id: doc.id })).items;
  expect(after.find((i) => i.label === '1')!.id).toBe(before.find((i) => i.label === '1')!.id);
  expect(after.find((i) => i.label === '36')!.lead).toEqual(['各级政府办公厅〔室〕']);
  // Saved once: the preview is used up.
  await expect(t.call('points.save', { ...input, replaceDocumentId: doc.id })).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
});

it('保存的是预览中改过的条目（合并、拆分、层级、责任单位），不是重新读取的结果', async () => {
  const text = '2020年某某要点\n一、加强公开\n1.做好公开。（办公室负责）\n2.做好解读。\n3.做好回应。（法规科负责）';
  const preview = await t.call('points.preview', { source: { pastedText: text } });
  expect(preview.parsed.items.map((i) => i.label)).toEqual(['一', '1', '2', '3']);
  const items = preview.parsed.items
    .filter((i) => i.label !== '2')
    .map((i) => (i.label === '3' ? { ...i, level: 2, lead: ['办公室', '法规科'] } : i));
  const doc = saved(
    await t.call('points.save', {
      previewId: preview.previewId,
      meta: { title: '2020年某某要点', docNumber: null, issuer: null, issuedDate: null, year: 2020 },
      items,
    }),
  );
  const stored = (await t.call('points.document', { id: doc.id })).items;
  expect(stored.map((i) => [i.label, i.level, i.lead])).toEqual([
    ['一', 1, []],
    ['1', 3, ['办公室']],
    ['3', 2, ['办公室', '法规科']],
  ]);
});

it('按另一年度重新识别时用预览过的文件，不再上传', async () => {
  const text = '某某要点\n一、加强公开\n1.年底前做好公开。（办公室负责）';
  const first = await t.call('points.preview', { source: { pastedText: text }, year: 2020 });
  const again = await t.call('points.preview', { previewId: first.previewId, year: 2021 });
  expect(again.parsed.year).toBe(2021);
  expect(again.sha256).toBe(first.sha256);
  // The old preview id is replaced by the new one.
  await expect(t.call('points.preview', { previewId: first.previewId, year: 2022 })).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
});

it('listWorkPoints 供实施方案读取：按年度或按文件', async () => {
  const { doc } = await importSample();
  const ctx = t.ws.context();
  const byYear = await listWorkPoints(ctx, { year: 2020 });
  expect(byYear).toHaveLength(42);
  expect(byYear[1]).toMatchObject({
    documentId: doc.id,
    seq: 2,
    level: 3,
    label: '1',
    lead: ['各级政府部门'],
    deadline: '2020-09-30',
  });
  expect(await listWorkPoints(ctx, { documentIds: [doc.id] })).toEqual(byYear);
  expect(await listWorkPoints(ctx, { year: 2019 })).toEqual([]);
});

it('删除文件连同条目和原文件', async () => {
  const { doc } = await importSample();
  await t.call('points.deleteDocument', { id: doc.id });
  expect([count('source_document'), count('work_point'), count('attachment')]).toEqual([0, 0, 0]);
});

it('被其他记录引用的条目不会在替换或删除时被删掉：报 IN_USE，数据不变', async () => {
  const { doc, meta } = await importSample();
  const raw = t.ws.context().raw;
  // What the plan area will do: a task that refers to a work point.
  raw.exec(
    'CREATE TABLE test_task (id INTEGER PRIMARY KEY, point_id INTEGER NOT NULL REFERENCES work_point(id) ON DELETE RESTRICT)',
  );
  const item35 = (await t.call('points.document', { id: doc.id })).items.find((i) => i.label === '35')!;
  raw.prepare('INSERT INTO test_task (point_id) VALUES (?)').run(item35.id);
  const before = [count('work_point'), count('attachment'), count('audit_log')];
  const text = readSample('work-points-province-2020')
    .text.toString('utf8')
    .replace(/\n35\.[^\n]*/, '');
  const preview = await t.call('points.preview', { source: { pastedText: text }, year: 2020 });
  const docBefore = await t.call('points.document', { id: doc.id });
  // The replace fails half way (item 35 is deleted after the others were updated and the new file stored): the
  // transaction leaves nothing behind, not the new attachment, not an updated item, not an audit entry.
  const edited = preview.parsed.items.map((i) => (i.label === '1' ? { ...i, text: `${i.text}（已修改）` } : i));
  const err = await t
    .call('points.save', {
      previewId: preview.previewId,
      meta: { ...meta, issuer: '改过的发文单位' },
      items: edited,
      replaceDocumentId: doc.id,
    })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'IN_USE' });
  expect(await t.call('points.document', { id: doc.id })).toEqual(docBefore);
  expect((err as Error).message).toMatch(/实施方案/);
  expect([count('work_point'), count('attachment'), count('audit_log')]).toEqual(before);
  expect((await t.call('points.document', { id: doc.id })).items.find((i) => i.label === '35')!.id).toBe(item35.id);
  await expect(t.call('points.deleteDocument', { id: doc.id })).rejects.toMatchObject({ code: 'IN_USE' });
  expect(count('source_document')).toBe(1);
});

it('原文件被上级文件引用时不能从附件表删除（外键 RESTRICT）', async () => {
  const { doc } = await importSample();
  expect(() => t.ws.context().raw.prepare('DELETE FROM attachment WHERE id = ?').run(doc.attachmentId)).toThrow(
    /FOREIGN KEY/,
  );
});

import { expect, it } from 'vitest';
import { runParser } from '../../../main/import/worker/run';
it('smoke', async () => {
  const t0 = performance.now();
  const r = await runParser('points-text', '粘贴文本', Buffer.from('2020年要点\n一、加强公开\n1.做好公开。（办公室负责）'), { fallbackYear: 2020 });
  console.log(performance.now() - t0, r.items.length);
  const t1 = performance.now();
  const e = await runParser('points-file', 'x.docx', Buffer.from('PK\x03\x04garbage'), {}).catch((x) => x);
  console.log(performance.now() - t1, e.code, e.message);
});

// A 细则 file imported as a user imports it: previewed (with no problem to fix), saved as the year's template.
import type { SelfcheckView } from '../../../shared/domain/selfcheck';
import type { TestWorkstation } from '../../helpers/workstation';

export async function importTemplateFile(
  t: TestWorkstation,
  year: number,
  fileName: string,
  data: Buffer,
): Promise<SelfcheckView> {
  const upload = { fileName, dataBase64: data.toString('base64') };
  const preview = await t.call('selfcheck.previewFile', { upload });
  if (preview.problems.length) throw new Error(`细则预览有问题：${JSON.stringify(preview.problems)}`);
  await t.call('selfcheck.saveTemplate', {
    year,
    title: preview.title,
    total: preview.total,
    indicators: preview.indicators,
    source: 'import',
    upload,
  });
  return t.call('selfcheck.get', { year });
}

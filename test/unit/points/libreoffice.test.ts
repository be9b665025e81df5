import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePointsFile } from '../../../main/import/points';
import { makeTempDir } from '../../helpers/workstation';
import { scoreItems } from './score';
import { buildDocx, buildXlsx, readSample, SAMPLE_NAMES } from './variants';

// Files as another office suite writes them: the test's .docx and .xlsx are opened and saved again by LibreOffice
// (which writes numbering the way WPS does), and saved as an old binary .doc. Skipped where soffice is missing.

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
if (!hasSoffice)
  console.log(
    '跳过 LibreOffice 另存测试：未安装 soffice（apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）。',
  );
let dir: string;

function convert(files: string[], to: string): void {
  const profile = makeTempDir('zwgk-lo-profile-');
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        path.join(dir, 'out'),
        ...files,
      ],
      { timeout: 120_000 },
    );
    if (r.status !== 0) throw new Error(`soffice 转换失败：${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe.skipIf(!hasSoffice)('经 LibreOffice 另存的文件（需要 soffice）', () => {
  beforeAll(async () => {
    dir = makeTempDir('zwgk-lo-');
    for (const name of SAMPLE_NAMES) {
      const parsed = await parsePointsFile(`${name}.txt`, readSample(name).text);
      const doc = { title: '2020年政务公开工作要点', docNumber: null, items: parsed.items };
      fs.writeFileSync(path.join(dir, `${name}.docx`), await buildDocx(doc, 'auto'));
      fs.writeFileSync(path.join(dir, `${name}.xlsx`), await buildXlsx(doc));
    }
    const docx = SAMPLE_NAMES.map((n) => path.join(dir, `${n}.docx`));
    convert(docx, 'docx:MS Word 2007 XML');
    convert(docx, 'doc');
    convert(
      SAMPLE_NAMES.map((n) => path.join(dir, `${n}.xlsx`)),
      'xlsx:Calc MS Excel 2007 XML',
    );
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(SAMPLE_NAMES)('%s：另存的 .docx（自动编号）和 .xlsx 读出与 expected.json 一致', async (name) => {
    const { expected } = readSample(name);
    for (const ext of ['docx', 'xlsx']) {
      const file = path.join(dir, 'out', `${name}.${ext}`);
      const parsed = await parsePointsFile(path.basename(file), fs.readFileSync(file));
      expect(scoreItems(parsed.items, expected), ext).toEqual([]);
    }
  });

  it.each(SAMPLE_NAMES)('%s：旧版 .doc 给出另存为 .docx 的提示', async (name) => {
    const file = path.join(dir, 'out', `${name}.doc`);
    await expect(parsePointsFile(path.basename(file), fs.readFileSync(file))).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      message: expect.stringMatching(/另存为/),
    });
  });
});

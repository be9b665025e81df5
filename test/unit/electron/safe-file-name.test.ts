import { expect, it } from 'vitest';
import { safeFileName } from '../../../main/app/safe-file-name';

it('an attachment name from data becomes one safe file name for the save dialog', () => {
  expect(safeFileName('..\\..\\Windows\\System32\\evil.exe')).toBe('evil.exe');
  expect(safeFileName('/etc/passwd')).toBe('passwd');
  expect(safeFileName('../../.bashrc')).toBe('bashrc');
  expect(safeFileName('现场照片.png')).toBe('现场照片.png');
  expect(safeFileName('a<b>c:d"e|f?g*h.docx')).toBe('a_b_c_d_e_f_g_h.docx');
  expect(safeFileName('名单\u0000\u001f.xlsx')).toBe('名单_.xlsx');
  expect(safeFileName('CON.txt')).toBe('_CON.txt');
  expect(safeFileName('lpt1')).toBe('_lpt1');
  expect(safeFileName('文件. . .')).toBe('文件');
  expect(safeFileName('')).toBe('文件');
  expect(safeFileName('..')).toBe('文件');
  expect(safeFileName('.docx')).toBe('docx');
  const long = safeFileName(`${'长'.repeat(500)}.docx`);
  expect(long.length).toBe(120);
  expect(long.endsWith('.docx')).toBe(true);
});

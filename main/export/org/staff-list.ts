// 人员名单 (.xlsx): every person with 科室, 职务, 电话, 状态 and 备注, print-ready, in the columns the staff import
// (main/import/staff-xlsx.ts) reads back, so a bureau's list moves to another data file without retyping.
// Pure: plain data in, Buffer out.
import type { Staff } from '../../../shared/domain/org';
import { addTableSheet, newWorkbook, workbookToBuffer } from '../xlsx/sheet';

export async function buildStaffListXlsx(d: { bureau: string; staff: Staff[] }): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, {
    sheetName: '人员名单',
    title: `${d.bureau}人员名单`,
    orientation: 'portrait',
    columns: [
      { header: '序号', weight: 5, align: 'center' },
      { header: '姓名', weight: 10, align: 'center' },
      { header: '科室', weight: 14 },
      { header: '职务', weight: 14 },
      { header: '电话', weight: 14 },
      { header: '状态', weight: 6, align: 'center' },
      { header: '备注', weight: 20 },
    ],
    rows: d.staff.map((s, i) => ({
      cells: [i + 1, s.name, s.departmentName ?? '', s.title, s.phone, s.status, s.note],
    })),
  });
  return workbookToBuffer(wb);
}

// The foundation's documents in the shared export registry (main/services/exports.ts): the 人员名单, which the staff
// import reads back.
import { buildStaffListXlsx } from '../../export/org/staff-list';
import type { Exporter } from '../exporter';
import { getBureau } from '../org/bureau';
import { listStaff } from '../org/staff';

export const foundationExporters: Record<'staff-xlsx', Exporter> = {
  'staff-xlsx': {
    label: '人员名单（Excel，可用“从 Excel 导入”读回）',
    async build(ctx) {
      const bureau = (await getBureau(ctx))?.fullName ?? '';
      return {
        fileName: `${bureau}人员名单.xlsx`,
        data: await buildStaffListXlsx({ bureau, staff: await listStaff(ctx) }),
      };
    },
  },
};

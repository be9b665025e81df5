import { z } from 'zod';
import { optionalText, text } from './fields';
import { idSchema } from './files';

const phone = z
  .string()
  .trim()
  .max(40, '电话不能超过40个字')
  .regex(/^[0-9０-９+\-－()（） 转,，、/]*$/, '电话只能包含数字、空格、括号、“-”和“转”')
  .default('');

/** 单位: the user's own bureau. */
export const bureauSchema = z.object({
  fullName: text('单位全称'),
  shortName: text('单位简称', 30),
  region: optionalText('所属地区'),
  head: optionalText('负责人', 30),
  leader: optionalText('政务公开分管领导', 30),
  contact: optionalText('联系人', 30),
  phone,
});
export type Bureau = z.infer<typeof bureauSchema>;

/** 科室 */
export const departmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  staffCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;
export const departmentNameSchema = text('科室名称', 40);

export const STAFF_STATUSES = ['在岗', '离岗'] as const;
export const staffStatusSchema = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

/** 人员 */
export const staffInputSchema = z.object({
  name: text('姓名', 30),
  departmentId: idSchema.nullable(),
  title: optionalText('职务', 40),
  phone,
  status: staffStatusSchema.default('在岗'),
  note: optionalText('备注', 500),
});
export type StaffInput = z.input<typeof staffInputSchema>;

export const staffSchema = z.object({
  id: idSchema,
  name: z.string(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  title: z.string(),
  phone: z.string(),
  status: staffStatusSchema,
  note: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;

/** One row of a staff .xlsx as the preview shows it. `row` is the spreadsheet's own row number. */
const staffImportRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  department: z.string(),
  title: z.string(),
  phone: z.string(),
  /** 状态 column (the 人员名单 export writes it); 在岗 when there is none. */
  status: staffStatusSchema,
  note: z.string(),
  errors: z.array(z.string()),
});
export type StaffImportRow = z.infer<typeof staffImportRowSchema>;

export const staffImportPreviewSchema = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  rows: z.array(staffImportRowSchema),
  unknownDepartments: z.array(z.string()),
  validCount: z.number().int(),
  errorCount: z.number().int(),
});
export type StaffImportPreview = z.infer<typeof staffImportPreviewSchema>;

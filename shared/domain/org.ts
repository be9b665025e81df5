import { z } from 'zod';
import { optionalText, text } from './fields';
import { idSchema } from './files';

const phone = z
  .string()
  .trim()
  .max(40, '电话不能超过40个字')
  .regex(/^[0-9０-９+\-－()（） 转,，、/]*$/, '电话只能包含数字、空格、括号、“-”和“转”')
  .default('');

/** Placeholders a letter's 文号 form may hold: the year and the number are required, the kind is optional. */
export const LETTER_NUMBER_YEAR = '{年}';
export const LETTER_NUMBER_SEQ = '{号}';
export const LETTER_NUMBER_KIND = '{类}';

const letterNumberForm = z
  .string()
  .trim()
  .max(40, '文书文号格式不能超过40个字')
  .refine(
    (s) => s === '' || (s.includes(LETTER_NUMBER_YEAR) && s.includes(LETTER_NUMBER_SEQ)),
    '文书文号格式应包含“{年}”和“{号}”，例如：县科技依复〔{年}〕{号}号',
  )
  .default('')
  .describe('文书文号格式');

/** 单位: the user's own bureau. 主要负责人 and 分管负责人 are people's names (the 核对 checks them against the staff list). */
export const bureauSchema = z.object({
  fullName: text('单位全称'),
  shortName: text('单位简称', 30),
  region: optionalText('所属地区'),
  head: optionalText('主要负责人', 30),
  leader: optionalText('分管负责人', 30),
  contact: optionalText('联系人', 30),
  phone,
  /** For the 年报's 引言 and the letters: where the bureau is, its postcode and its 政府信息公开专栏 address. */
  address: optionalText('地址', 100),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮政编码应为6位数字')
    .default('')
    .describe('邮政编码'),
  website: optionalText('网站（政府信息公开专栏）', 200),
  /** The letters' 文号, e.g. 县科技依复〔{年}〕{号}号; empty: the default made from the 简称 (defaultLetterNumberForm). */
  letterNumberForm,
});
export type Bureau = z.infer<typeof bureauSchema>;
/** What a caller passes: the fields added later may be left out (they are stored empty). */
export type BureauInput = z.input<typeof bureauSchema>;

/**
 * The default 文号 form of the letters: the 简称 without its last character when that is 局/委/办 ("县科技局" →
 * "县科技"), then 依 + the letter's kind (回/补/延/征/复), the year in 〔〕 and the number: 县科技依复〔2026〕3号.
 */
export function defaultLetterNumberForm(shortName: string): string {
  const code = shortName.trim().replace(/(局|委|办|委员会|办公室)$/, '') || shortName.trim();
  return `${code}依${LETTER_NUMBER_KIND}〔${LETTER_NUMBER_YEAR}〕${LETTER_NUMBER_SEQ}号`;
}

/** A person's name as compared with the staff list: without spaces (full or half width). */
export function personKey(name: string): string {
  return name.replace(/[\s\u3000]/g, '');
}

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
  /** Why the row is 离岗 when no 状态 column says so (备注“已退休”, 在“二、离退休人员”下). */
  statusReason: z.string().optional(),
  /** The same person (姓名 and 科室) is already on the list: the row is skipped, not imported again. */
  existing: z.boolean().optional(),
  /** Already listed as 在岗 while the file says 离岗 (退休, 调离 …): the import marks them 离岗. */
  leaving: z.boolean().optional(),
  note: z.string(),
  errors: z.array(z.string()),
});
export type StaffImportRow = z.infer<typeof staffImportRowSchema>;

export const staffImportPreviewSchema = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  rows: z.array(staffImportRowSchema),
  unknownDepartments: z.array(z.string()),
  /** What the reading did that the user should know: heading rows skipped, 科室 read as an existing one, people already listed. */
  notes: z.array(z.string()).default([]),
  validCount: z.number().int(),
  errorCount: z.number().int(),
});
export type StaffImportPreview = z.infer<typeof staffImportPreviewSchema>;

// The columns of a table read from a user's file (分工表, 考核细则): the role the reader gave each column, how it
// decided, and a few rows to judge by. The import previews show these above the table's columns as selects; a changed
// role is sent back and the file is read again with it (main/import/grid). Readers import only the types from here,
// so parse-points loads no schema library.
import { z } from 'zod';

/**
 * What a column holds. group: the name of a group of rows (分组; in a 细则, an indicator name, the levels in column
 * order); seq: 序号; text: an item's words (two text columns are joined: 工作任务。具体要求); lead/support: 牵头（责任）
 * and 配合 units; deadline: 完成时限; points/weight: 分值 (or 得分) and 权重; criteria: 评分标准; rule: 扣分规则;
 * grade: the points of one grade (优/良/一般/差); ignore: not read.
 */
const COLUMN_ROLES = [
  'group',
  'seq',
  'text',
  'lead',
  'support',
  'deadline',
  'points',
  'weight',
  'criteria',
  'rule',
  'grade',
  'ignore',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Which reader the table is for. */
export type TableKind = 'points' | 'indicators';

/** The roles offered for a column, by reader, with their names as the preview shows them. */
export const ROLE_CHOICES: Record<TableKind, { value: ColumnRole; label: string }[]> = {
  points: [
    { value: 'group', label: '分组' },
    { value: 'seq', label: '序号' },
    { value: 'text', label: '条目内容' },
    { value: 'lead', label: '责任（牵头）单位' },
    { value: 'support', label: '配合单位' },
    { value: 'deadline', label: '完成时限' },
    { value: 'ignore', label: '不读取' },
  ],
  indicators: [
    { value: 'group', label: '指标名称' },
    { value: 'seq', label: '序号' },
    { value: 'points', label: '分值' },
    { value: 'weight', label: '权重' },
    { value: 'criteria', label: '评分标准' },
    { value: 'rule', label: '扣分规则' },
    { value: 'grade', label: '等次分值' },
    { value: 'ignore', label: '不读取' },
  ],
};

/** How a column's role was decided. */
const COLUMN_BASES = ['header', 'content', 'remembered', 'user', 'none'] as const;
export type ColumnBasis = (typeof COLUMN_BASES)[number];
export const BASIS_LABELS: Record<ColumnBasis, string> = {
  header: '按表头识别',
  content: '按内容推测',
  remembered: '沿用上次对同样表头的选择',
  user: '您选择的',
  none: '未识别',
};

export const tableColumnsSchema = z.object({
  /** The table's place among the file's tables (sheets, Word tables), from 0. */
  table: z.number().int().min(0),
  /** Where it is, in words: 工作表“分工” / 第1个表格 / 粘贴的表格. */
  where: z.string(),
  /** The header as a key (roles chosen for it are remembered); '' when the table has no header row. */
  signature: z.string(),
  /** Whether the roles were found (by the header, a remembered choice or the user); false: the user must choose. */
  found: z.boolean(),
  /** Each column's header as written ('' when none). */
  headers: z.array(z.string()),
  roles: z.array(z.enum(COLUMN_ROLES)),
  basis: z.array(z.enum(COLUMN_BASES)),
  /** The first rows under the header, cell by cell (cut to a readable length). */
  sample: z.array(z.array(z.string())),
});
export type TableColumns = z.infer<typeof tableColumnsSchema>;

/** Roles the user chose, per table: sent with a new read of the same file. */
export const columnRolesInputSchema = z
  .array(
    z.object({
      table: z.number().int().min(0).max(1000).describe('第几个表格'),
      roles: z.array(z.enum(COLUMN_ROLES)).max(64, '表格的列过多').describe('各列的内容'),
    }),
  )
  .max(100, '表格过多');
export type ColumnRolesInput = z.infer<typeof columnRolesInputSchema>;

/** Remembered roles: header signature → roles (setting import.columnRoles). */
export const rememberedRolesSchema = z.record(z.string().max(2000), z.array(z.enum(COLUMN_ROLES)).max(64));
export type RememberedRoles = z.infer<typeof rememberedRolesSchema>;

import { z } from 'zod';
import { formatChineseDateTime } from './date-text';

/** A last change as the sentence says it, to the second (a backup made a moment ago differs by seconds). */
const when = (stamp: string) => formatChineseDateTime(stamp, { seconds: true });

const BACKUP_KINDS = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
const backupKindSchema = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKindSchema>;
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  auto: '每日自动',
  manual: '手动',
  'pre-migration': '升级前',
  'pre-restore': '恢复前',
};

/** What a backup (or a file picked for restore) holds: shown before a restore is confirmed. */
export const backupContentSchema = z.object({
  /** The 单位 (full name) in it; null before setup. */
  bureauName: z.string().nullable(),
  /** The identity of the data file it was made from (null in files from before identities existed). */
  fileId: z.string().nullable(),
  plans: z.number().int().nullable(),
  tasks: z.number().int().nullable(),
  staff: z.number().int().nullable(),
  /** Time of the last recorded change in it. */
  lastChange: z.string().nullable(),
  schemaVersion: z.number().int(),
});
export type BackupContent = z.infer<typeof backupContentSchema>;

/**
 * How a backup holds less than the data it would replace, in Chinese, one phrase per way (fewer 实施方案/任务/人员,
 * an earlier last change); empty when it holds at least as much and is not older. A restore then loses what is
 * missing, so the confirmation names it (the current data is still kept as a 恢复前 backup).
 */
export function lessCompleteThan(backup: BackupContent, current: BackupContent): string[] {
  const out: string[] = [];
  const fewer = (b: number | null, c: number | null, what: string, unit: string) => {
    if (c !== null && c > (b ?? 0)) out.push(`${what}少 ${c - (b ?? 0)} ${unit}（备份 ${b ?? 0}，当前 ${c}）`);
  };
  fewer(backup.plans, current.plans, '实施方案', '个');
  fewer(backup.tasks, current.tasks, '任务', '项');
  fewer(backup.staff, current.staff, '人员', '名');
  if (current.lastChange && (!backup.lastChange || backup.lastChange < current.lastChange))
    out.push(
      backup.lastChange
        ? `最后一次修改（${when(backup.lastChange)}）早于当前数据（${when(current.lastChange)}）`
        : `没有任何修改记录，当前数据最后一次修改在${when(current.lastChange)}`,
    );
  return out;
}

export const backupInfoSchema = z.object({
  fileName: z.string(),
  kind: backupKindSchema,
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int().nullable(),
  /** In the backups folder every data file in a folder shared before each file had its own: maybe another file's. */
  shared: z.boolean().optional(),
  /** What it holds (null when it cannot be read); only in the list, where the restore confirmation needs it. */
  content: backupContentSchema.nullable().optional(),
  /** Whether it was made from this data file: true/false by identity, null when it carries none. */
  sameFile: z.boolean().nullable().optional(),
  /** How it holds less than the current data (lessCompleteThan); empty or absent when it does not. */
  lessComplete: z.array(z.string()).optional(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

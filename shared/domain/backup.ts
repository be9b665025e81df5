import { z } from 'zod';

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
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

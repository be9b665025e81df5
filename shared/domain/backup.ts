import { z } from 'zod';

export const BACKUP_KINDS = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
export const backupKindSchema = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKindSchema>;
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  auto: '每日自动',
  manual: '手动',
  'pre-migration': '升级前',
  'pre-restore': '恢复前',
};

export const backupInfoSchema = z.object({
  fileName: z.string(),
  kind: backupKindSchema,
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int().nullable(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

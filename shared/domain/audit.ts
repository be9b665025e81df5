import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  osUser: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  action: z.enum(['create', 'update', 'delete', 'import', 'restore']),
  summary: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditAction = AuditEntry['action'];

import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, AuditEntry } from '../../shared/domain/audit';
import type { Database } from '../db/schema';
import type { AppContext } from './workstation';

export type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * The fields that differ between two snapshots of a record (null when nothing changed). `keys` limits the comparison
 * to the fields a change can touch, when a snapshot carries more (a whole row beside the edited columns).
 */
export function diffRecords(before: object | null, after: object | null, keys?: readonly string[]): Changes | null {
  const out: Changes = {};
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  for (const key of keys ?? new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) out[key] = { from: b[key] ?? null, to: a[key] ?? null };
  }
  return Object.keys(out).length ? out : null;
}

export function nowText(ctx: AppContext): string {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Records one change in the audit trail, inside the caller's transaction so the two commit together. */
export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: AppContext,
  entry: { entity: string; entityId: number | null; action: AuditAction; summary: string; changes?: Changes | null },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowText(ctx),
      os_user: ctx.osUser,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      summary: entry.summary,
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
    })
    .execute();
}

export async function listAudit(
  ctx: AppContext,
  input: { entity: string; entityId?: number; limit: number },
): Promise<AuditEntry[]> {
  let q = ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', input.entity);
  if (input.entityId !== undefined) q = q.where('entity_id', '=', input.entityId);
  const rows = await q.orderBy('id', 'desc').limit(input.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    osUser: r.os_user,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action as AuditAction,
    summary: r.summary,
    changes: r.changes ? (JSON.parse(r.changes) as Changes) : null,
  }));
}

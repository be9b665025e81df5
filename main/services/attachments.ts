import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Upload } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { Database } from '../db/schema';
import { nowText } from './audit';
import { decodeUpload } from './uploads';
import type { AppContext } from './workstation';

/** Stores a file inside the database (so backups carry it); call inside the user action's transaction. */
export async function storeAttachment(
  trx: Transaction<Database>,
  ctx: AppContext,
  fileName: string,
  data: Buffer,
  mime = 'application/octet-stream',
): Promise<number> {
  const r = await trx
    .insertInto('attachment')
    .values({
      file_name: fileName,
      mime,
      size_bytes: data.length,
      data,
      sha256: crypto.createHash('sha256').update(data).digest('hex'),
      created_at: nowText(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function storeUpload(trx: Transaction<Database>, ctx: AppContext, upload: Upload): Promise<number> {
  return storeAttachment(trx, ctx, upload.fileName, decodeUpload(upload));
}

export async function getAttachmentFile(ctx: AppContext, id: number): Promise<{ fileName: string; data: Buffer }> {
  const r = await ctx.db.selectFrom('attachment').select(['file_name', 'data']).where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, '找不到该附件，可能已被删除。');
  return { fileName: r.file_name, data: Buffer.from(r.data) };
}

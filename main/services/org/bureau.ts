import { bureauSchema, type Bureau, type BureauInput } from '../../../shared/domain/org';
import { recordAudit, diffRecords, nowText } from '../audit';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';

export async function getBureau(ctx: AppContext): Promise<Bureau | null> {
  const r = await ctx.db.selectFrom('bureau').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!r) return null;
  return {
    fullName: r.full_name,
    shortName: r.short_name,
    region: r.region,
    head: r.head,
    leader: r.leader,
    contact: r.contact,
    phone: r.phone,
    address: r.address,
    postcode: r.postcode,
    website: r.website,
    letterNumberForm: r.letter_number_form,
  };
}

/** Saves the bureau; fields added after the first release (地址, 邮编, 网站, 文号格式) may be left out and are stored empty. */
export async function saveBureau(ctx: AppContext, raw: BureauInput): Promise<Bureau> {
  const b = validateInput(bureauSchema, raw);
  const before = await getBureau(ctx);
  const row = {
    full_name: b.fullName,
    short_name: b.shortName,
    region: b.region,
    head: b.head,
    leader: b.leader,
    contact: b.contact,
    phone: b.phone,
    address: b.address,
    postcode: b.postcode,
    website: b.website,
    letter_number_form: b.letterNumberForm,
    updated_at: nowText(ctx),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('bureau')
      .values({ id: 1, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'bureau',
      entityId: 1,
      action: before ? 'update' : 'create',
      summary: before ? '修改单位信息' : `设置单位：${b.fullName}`,
      changes: diffRecords(before, b),
    });
  });
  return b;
}

// What the letters of an application carry besides their text: the 文号 (the bureau's form, numbered per year and,
// when the form names the kind, per kind; a letter exported again keeps its number) and the contact line (the
// application's 经办人 with their phone from the staff list, else the bureau's 联系人 and 联系电话).
import {
  defaultLetterNumberForm,
  LETTER_NUMBER_KIND,
  LETTER_NUMBER_SEQ,
  LETTER_NUMBER_YEAR,
  personKey,
} from '../../../shared/domain/org';
import type { DisclosureRequest } from '../../../shared/domain/disclosure';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { LETTER_TITLES, type LetterKind } from '../../export/disclosure/letters';
import { nowText, recordAudit } from '../audit';
import { getBureau } from '../org/bureau';
import type { AppContext } from '../workstation';

/** The word for each kind in a form holding {类}: 县科技依复〔2026〕3号, 县科技依补〔2026〕1号. */
const LETTER_KIND_CODES: Record<LetterKind, string> = {
  receipt: '回',
  correction: '补',
  extension: '延',
  consult: '征',
  answer: '复',
};

/** The bureau's form, or the default from its 简称. */
async function letterNumberForm(ctx: AppContext): Promise<string> {
  const b = await getBureau(ctx);
  return b?.letterNumberForm || defaultLetterNumberForm(b?.shortName ?? '本单位');
}

function formatLetterNumber(form: string, kind: LetterKind, year: number, seq: number): string {
  return form
    .split(LETTER_NUMBER_YEAR)
    .join(String(year))
    .split(LETTER_NUMBER_SEQ)
    .join(String(seq))
    .split(LETTER_NUMBER_KIND)
    .join(LETTER_KIND_CODES[kind]);
}

/**
 * The letter's 文号: the one it was given before, else the next number of its year (and kind, when the form names
 * the kind), stored so that exporting the letter again prints the same number.
 */
export async function letterNumber(
  ctx: AppContext,
  requestId: number,
  kind: LetterKind,
  date: string,
): Promise<string> {
  const given = await ctx.db
    .selectFrom('letter_number')
    .select('doc_number')
    .where('request_id', '=', requestId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (given) return given.doc_number;
  const form = await letterNumberForm(ctx);
  const year = Number(date.slice(0, 4));
  const series = form.includes(LETTER_NUMBER_KIND) ? kind : '*';
  return ctx.db.transaction().execute(async (trx) => {
    // One series for the year when the form does not name the kind: after every number given that year.
    let q = trx
      .selectFrom('letter_number')
      .select((e) => e.fn.max('seq').as('m'))
      .where('year', '=', year);
    if (series !== '*') q = q.where('series', '=', series);
    const max = await q.executeTakeFirst();
    const seq = Number(max?.m ?? 0) + 1;
    const docNumber = formatLetterNumber(form, kind, year, seq);
    await trx
      .insertInto('letter_number')
      .values({
        request_id: requestId,
        kind,
        year,
        series,
        seq,
        doc_number: docNumber,
        created_at: nowText(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'request',
      entityId: requestId,
      action: 'update',
      summary: `${LETTER_TITLES[kind]}编号：${docNumber}`,
    });
    return docNumber;
  });
}

/** Who the letter names to contact, with a phone: the 经办人 (phone from the staff list), else the bureau's. */
export async function letterContact(ctx: AppContext, r: DisclosureRequest): Promise<{ name: string; phone: string }> {
  const b = await getBureau(ctx);
  let name = r.handler.trim();
  let phone = '';
  if (name) {
    const staff = await ctx.db.selectFrom('staff').select(['name', 'phone']).execute();
    phone = staff.find((s) => personKey(s.name) === personKey(name))?.phone.trim() ?? '';
  } else name = b?.contact.trim() ?? '';
  phone ||= b?.phone.trim() ?? '';
  if (!name || !phone)
    throw new AppError(
      ErrorCode.VALIDATION,
      `告知书要写明联系人和联系电话，现在缺少${[!name && '联系人', !phone && '联系电话'].filter(Boolean).join('和')}。请在“单位与人员”的单位信息中填写联系人和联系电话（或在人员名单中填写经办人的电话）。`,
    );
  return { name, phone };
}

// The documents of one application, in GB/T 9704 letter form (title, 主送 the applicant, body, 署名 and date):
// 登记回执, 补正告知书, 延期答复告知书, 征求第三方意见书 and 答复书 with the wording and legal basis for its 办理结果 and
// the 救济 sentence; every letter carries its 文号 and a contact line. Pure: data in, Buffer out.
import {
  DEFAULT_CORRECTION_WORKING_DAYS,
  PROVIDING_RESULTS,
  resultLabel,
  type DisclosureRequest,
} from '../../../shared/domain/disclosure';
import { answerBasis } from '../../../shared/domain/disclosure-answers';
import { buildGongwenDocx } from '../gongwen/document';
import { formatChineseDate } from '../gongwen/format';
import { keepTextWithSignature, rewriteDocument } from './keep';

export type LetterKind = 'receipt' | 'correction' | 'extension' | 'consult' | 'answer';
export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请登记回执',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consult: '政府信息公开征求第三方意见书',
  answer: '政府信息公开申请答复书',
};

export interface LetterData {
  kind: LetterKind;
  bureau: string;
  request: DisclosureRequest;
  /** The date printed under the signature (ISO). */
  date: string;
  /** Where a 复议 is applied for (本级人民政府 or the 上一级主管部门). */
  reviewOrgan: string;
  /** The 答复期限 as it stood on the letter's date (deadlineAsOf), the one a 登记回执 or 延期告知书 states; null: none. */
  dueDate: string | null;
  /** A 征求意见 still awaited on the letter's date: the last of the other side's 15 working days (dueDate counts to it). */
  consultUntil?: string | null;
  /** The letter's 文号 (县科技依复〔2026〕3号), printed in the 版头 under the bureau's name; null: none. */
  docNumber: string | null;
  /** The contact line (附注): who answers questions about the letter and their phone. */
  contact: { name: string; phone: string };
  /** The bureau's 公开专栏 address and street address (a 予以公开 by 网站 or 当面领取 names them). */
  website: string;
  address: string;
}

const 条例 = '《中华人民共和国政府信息公开条例》';
const d = (iso: string | null | undefined) => (iso ? formatChineseDate(iso) : '');
/** A note the user typed, without its closing mark (the sentence around it supplies one). */
const clause = (s: string | undefined) => (s ?? '').trim().replace(/[。；;.，,]+$/, '');

/**
 * What a letter of this kind needs that the request does not have yet, as the user's sentence (null: nothing).
 * The 答复书 of 予以公开/部分公开 states 载体形式、获取方式、时间; a 部分公开 cites what its withheld part rests on; an
 * "其他" result has no general basis, so its 答复说明 must say it.
 */
export function letterGap(kind: LetterKind, r: DisclosureRequest): string | null {
  if (
    kind === 'consult' &&
    ![...r.steps]
      .reverse()
      .find((s) => s.kind === '征求意见')
      ?.party.trim()
  )
    return '征求意见书要写明送给谁，这件申请的征求意见步骤还没有填写对象。请在“办理”中填写征求意见的对象（第三方的姓名或名称，或共同制作该信息的行政机关）后再导出。';
  if (kind !== 'answer' || !r.result) return null;
  if ((PROVIDING_RESULTS as readonly string[]).includes(r.result)) {
    const missing = [!r.provideMedium && '载体形式', !r.provideWay && '获取方式', !r.provideDate && '提供时间'].filter(
      Boolean,
    );
    if (missing.length)
      return `答复书要写明如何提供信息，这件申请的答复还没有填写${missing.join('、')}。请在“办理”中填写后再导出。`;
  }
  if (r.result === '三.二' && !r.withheldReason)
    return '部分公开的答复书要引用不予公开部分所依据的条款，请在“办理”中选择“不予公开部分的理由”后再导出。';
  if (answerBasis(r.result, r.withheldReason)?.takesNote && !r.answerNote.trim())
    return '答复“不属于本机关负责公开”要告知申请人负责公开该政府信息的行政机关的名称和联系方式（条例第三十六条第（五）项），请在“办理”的“答复说明”中写明（如“檀溪县财政局，联系电话0739-5212345”；无法确定的，写明理由）后再导出。';
  if (!answerBasis(r.result, r.withheldReason)?.articles.length && !r.answerNote.trim())
    return `办理结果“${resultLabel(r.result)}”没有通用的条款可引用，请在“答复说明”中写明处理情况和依据后再导出。`;
  return null;
}

/** How the information is provided (条例第三十六条第（二）项: 方式、途径和时间; 第四十条: 形式). */
function provision(x: LetterData): string {
  const r = x.request;
  const when = d(r.provideDate);
  const form = r.provideMedium === '电子' ? '电子文档' : '纸质文件';
  switch (r.provideWay) {
    case '邮寄':
      return `本机关于${when}将该政府信息以${form}形式邮寄给您，请注意查收。`;
    case '电子邮件':
      return `本机关于${when}将该政府信息以${form}形式发送至您在申请中提供的电子邮箱，请注意查收。`;
    case '当面领取':
      return `请您自${when}起，凭本答复书到本机关${x.address ? `（${x.address}）` : ''}领取该政府信息（${form}）。`;
    case '网站':
      // 予以公开 by 网站 is information already published (第三十六条第（一）项): where, not from when.
      return r.result === '三.一'
        ? `您可以登录${x.bureau}政府信息公开专栏${x.website ? `（${x.website}）` : ''}查阅、下载该政府信息。`
        : `该政府信息已在${x.bureau}政府信息公开专栏${x.website ? `（${x.website}）` : ''}公开，您可以自${when}起查阅、下载（${form}）。`;
    default:
      return '';
  }
}

function remedy(organ: string): string {
  return `如对本答复不服，可以自收到本答复之日起60日内向${organ}申请行政复议，或者自收到本答复之日起6个月内向人民法院提起行政诉讼。`;
}

function received(r: DisclosureRequest): string {
  return `本机关于${d(r.receivedDate)}收到您通过${r.method === '其他' ? '' : r.method.replace('提交', '')}方式提出的政府信息公开申请，申请获取“${r.content}”。`;
}

/**
 * Whom a 征求意见 goes to, by the name the step records: another 行政机关 (条例第三十四条, information produced
 * jointly), an organization, or a person (条例第三十二条, a 第三方). The letter addresses them as 贵机关, 贵单位 or 您.
 */
function consultee(party: string): '机关' | '单位' | '个人' {
  const name = party.trim();
  if (/(人民政府|政府|局|委员会|管委会|办公室|办|厅|署|委)$/.test(name)) return '机关';
  if (
    /(公司|集团|协会|学会|商会|联合会|事务所|中心|学校|大学|学院|医院|研究所|研究院|合作社|基金会|银行|厂|店|站|社|所|院|会)$/.test(
      name,
    )
  )
    return '单位';
  return '个人';
}

/**
 * 条例第三十三条第三款 for the 征求意见 begun by the letter's date: their time is not counted in the 答复期限. The
 * applicant is not told whom (a third party's name is not theirs to know): 有关方面 covers 第三方 and 其他机关.
 */
function consultPause(x: LetterData): string {
  const asked = [
    ...new Set(x.request.steps.filter((s) => s.kind === '征求意见' && s.startDate <= x.date).map((s) => s.startDate)),
  ];
  if (!asked.length) return '';
  const until = x.consultUntil ? `；对方应于${d(x.consultUntil)}前提出意见，据此计算` : '';
  return `。本机关于${asked.map(d).join('、')}征求有关方面意见，所需时间依照同条第三款不计算在答复期限内${until}`;
}

function letterBody(x: LetterData): { title: string; addressee: string; paragraphs: string[] } {
  const r = x.request;
  const corr = [...r.steps].reverse().find((s) => s.kind === '补正');
  const ext = r.steps.find((s) => s.kind === '延期');
  const consult = [...r.steps].reverse().find((s) => s.kind === '征求意见');
  const p: string[] = [];
  let addressee = r.applicant;
  let title = LETTER_TITLES[x.kind];
  switch (x.kind) {
    case 'receipt':
      p.push(
        `${received(r)}经登记，本机关将依照${条例}第三十三条的规定，自收到申请之日起20个工作日内${x.dueDate ? `（即${d(x.dueDate)}前）` : ''}作出答复。需要延长答复期限的，本机关将另行书面告知。`,
      );
      break;
    case 'correction':
      p.push(
        `${received(r)}经审查，您的申请内容不够明确，本机关无法确定您所需的政府信息。根据${条例}第三十条的规定，请您对以下事项作出补正：${clause(corr?.note) || '请明确所需政府信息的名称、文号或者便于本机关查询的其他特征性描述'}。`,
      );
      p.push(
        `${corr?.toldDate ? `请于${d(corr.toldDate)}前` : `请自收到本告知书之日起${DEFAULT_CORRECTION_WORKING_DAYS}个工作日内`}提交补正材料。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      );
      break;
    case 'extension':
      p.push(
        `${received(r)}因${clause(ext?.note) || '您申请的政府信息涉及面广，需要较长时间查找、核实'}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人${clause(ext?.party)}同意，根据${条例}第三十三条第二款的规定，答复期限延长${ext?.days ?? 20}个工作日${consultPause(x)}${x.dueDate ? `，本机关将于${d(x.dueDate)}前作出答复` : ''}。`,
      );
      break;
    case 'consult': {
      addressee = clause(consult?.party);
      const asked = `本机关于${d(r.receivedDate)}收到${r.applicant}提出的政府信息公开申请，申请获取“${r.content}”。`;
      const to = consultee(addressee);
      if (to === '机关') {
        // 第三十四条: information produced jointly; the other agency's silence counts as consent.
        title = '政府信息公开征求意见函';
        p.push(`${asked}经审查，该政府信息由本机关与贵机关共同制作。根据${条例}第三十四条的规定，现征求贵机关的意见。`);
        p.push('请于收到本函之日起15个工作日内提出意见。逾期未提出意见的，视为同意公开。');
      } else {
        // 第三十二条: a third party's 合法权益; it is addressed as what it is.
        const you = to === '单位' ? '贵单位' : '您';
        p.push(
          `${asked}经审查，该政府信息公开可能损害${you}的合法权益。根据${条例}（以下简称《条例》）第三十二条的规定，现书面征求${you}的意见。`,
        );
        p.push(
          `请于收到本意见书之日起15个工作日内提出书面意见，并说明理由。逾期未提出意见的，本机关将依照《条例》的规定决定是否公开。${you}不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知${you}。`,
        );
      }
      break;
    }
    case 'answer': {
      p.push(`${received(r)}现答复如下：`);
      // The grounds of a part withheld for a third party are those the record names (its 征求意见 and 答复说明).
      const consults = r.steps.filter((s) => s.kind === '征求意见');
      const thirdParty = {
        notes: [...consults.map((s) => s.note), r.answerNote],
        consulted: consults.some((s) => !!s.endDate),
      };
      const basis = r.result ? answerBasis(r.result, r.withheldReason, r.provideWay, thirdParty) : null;
      const providing = !!r.result && (PROVIDING_RESULTS as readonly string[]).includes(r.result);
      // 条例第四十二条: a fee only for information provided, charged by a 收费通知 the applicant paid (the save refuses
      // a fee on any other result).
      const fee =
        providing && r.feeYuan > 0
          ? `根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关已向您发出收费通知，收取信息处理费${r.feeYuan}元。`
          : '';
      // The sentences that cite 《条例》: the full name at the first, 《条例》 after it only when cited again.
      const citing = [
        basis?.takesNote ? `${basis.sentence}${clause(r.answerNote)}。` : (basis?.sentence ?? ''),
        providing ? provision(x) : '',
        basis?.takesNote ? '' : r.answerNote,
        fee,
      ];
      const cited = citing.slice(0, 1).concat(citing.slice(3)).join('').split('《条例》').length - 1;
      let named = false;
      for (const [i, text] of citing.entries()) {
        if (!text) continue;
        // Only the app's own sentences (not the 答复说明 the user wrote) carry the 《条例》 abbreviation.
        if (i === 0 || i === 3)
          p.push(
            text.replace(/《条例》/, () => {
              if (named) return '《条例》';
              named = true;
              return cited > 1 ? `${条例}（以下简称《条例》）` : 条例;
            }),
          );
        else p.push(text);
      }
      p.push(remedy(x.reviewOrgan));
      break;
    }
  }
  return { title, addressee, paragraphs: p };
}

/** The contact line every letter carries (printed as the 附注 under the date, GB/T 9704 §7.3.6). */
function contactLine(c: LetterData['contact']): string {
  return `联系人：${c.name}，联系电话：${c.phone}`;
}

export async function buildLetterDocx(x: LetterData): Promise<Buffer> {
  const gap = letterGap(x.kind, x.request);
  if (gap) throw new Error(gap);
  const b = letterBody(x);
  const docx = await buildGongwenDocx({
    title: b.title,
    // The 文号 stands in the 版头 under the bureau's name (a 文号 under the title is not a GB/T 9704 layout).
    // A letter to an applicant or a third party is a 函: the 信函格式 (GB/T 9704 §10.1), whose 版头 leaves a short
    // letter on one page.
    ...(x.docNumber ? { orgMark: x.bureau, docNumber: x.docNumber, letterForm: true } : {}),
    addressee: b.addressee,
    body: b.paragraphs.map((text) => ({ kind: 'paragraph', text })),
    signature: { org: x.bureau, date: x.date },
    note: contactLine(x.contact),
  });
  // A page never holds only the 署名, the date and the contact line.
  return rewriteDocument(docx, (xml) => keepTextWithSignature(xml, x.bureau));
}

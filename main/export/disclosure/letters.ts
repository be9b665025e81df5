// The documents of one application, in GB/T 9704 letter form (title, 主送 the applicant, body, 署名 and date):
// 登记回执, 补正告知书, 延期答复告知书, 征求第三方意见书 and 答复书 with the wording and legal basis for its 办理结果 and
// the 救济 sentence. Pure: data in, Buffer out.
import type { DisclosureRequest } from '../../../shared/domain/disclosure';
import { buildGongwenDocx } from '../gongwen/document';
import { formatChineseDate } from '../gongwen/format';

export const LETTER_KINDS = ['receipt', 'correction', 'extension', 'consult', 'answer'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请登记回执',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consult: '政府信息公开征求第三方意见书',
  answer: '政府信息公开申请答复书',
};

interface LetterData {
  kind: LetterKind;
  bureau: string;
  request: DisclosureRequest;
  /** The date printed under the signature (ISO). */
  date: string;
  /** Where a 复议 is applied for (本级人民政府 or the 上一级主管部门). */
  reviewOrgan: string;
  /** Due date before the extension (延期告知书 states both). */
  originalDue?: string | null;
}

const 条例 = '《中华人民共和国政府信息公开条例》';
const d = (iso: string | null | undefined) => (iso ? formatChineseDate(iso) : '');
/** A note the user typed, without its closing mark (the sentence around it supplies one). */
const clause = (s: string | undefined) => (s ?? '').trim().replace(/[。；;.，,]+$/, '');

/** The answer's wording and legal basis per table 三 row. */
const ANSWERS: Record<string, string> = {
  '三.一': `经审查，您申请获取的政府信息属于公开范围。根据${条例}第三十六条第（二）项的规定，现予以公开。`,
  '三.二': `经审查，您申请获取的政府信息中部分内容属于不予公开的范围。根据${条例}第三十七条的规定，本机关对可以公开的部分予以提供，对不予公开的部分说明理由如下。`,
  '三.三.1': `经审查，您申请获取的政府信息属于国家秘密。根据${条例}第十四条、第三十六条第（三）项的规定，不予公开。`,
  '三.三.2': `经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息。根据${条例}第十四条、第三十六条第（三）项的规定，不予公开。`,
  '三.三.3': `经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据${条例}第十四条、第三十六条第（三）项的规定，不予公开。`,
  '三.三.4': `经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，且第三方不同意公开。根据${条例}第十五条、第三十六条第（三）项的规定，不予公开。`,
  '三.三.5': `经审查，您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息。根据${条例}第十六条第一款、第三十六条第（三）项的规定，不予公开。`,
  '三.三.6': `经审查，您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据${条例}第十六条第二款、第三十六条第（三）项的规定，不予公开。`,
  '三.三.7': `经审查，您申请获取的信息属于行政执法案卷信息。根据${条例}第十六条第二款、第三十六条第（三）项的规定，不予公开。`,
  '三.三.8': `经审查，您申请获取的信息属于行政查询事项，根据${条例}第三十六条第（七）项的规定，请按照相关法律、行政法规的规定办理查询。`,
  '三.四.1': `经检索查找，本机关未制作、获取您所申请的政府信息，该政府信息不存在。根据${条例}第三十六条第（四）项的规定，特此告知。`,
  '三.四.2': `经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析后另行制作。根据${条例}第三十八条的规定，本机关不予提供。`,
  '三.四.3': `本机关已向您发出补正通知，但补正后的申请内容仍不明确，无法确定您所需的政府信息。根据${条例}第三十条、第三十六条的规定，本机关无法提供。`,
  '三.五.1': `经审查，您的申请以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${条例}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请依照有关法律、行政法规的规定办理。`,
  '三.五.2': `经审查，您此前已提出过相同的政府信息公开申请，本机关已经作出答复，您重复申请公开相同政府信息。根据${条例}第三十六条第（六）项的规定，本机关不予重复处理。`,
  '三.五.3': `经审查，您申请获取的信息为公开出版物。根据${条例}第三十九条第二款的规定，本机关不予提供，您可以通过公开渠道获取。`,
  '三.五.4': `经审查，您申请公开政府信息的数量、频次明显超过合理范围且未说明理由。根据${条例}第三十五条的规定，本机关不予处理。`,
  '三.五.5': `经审查，您的申请系要求行政机关确认或者重新出具已获取的信息。根据${条例}第三十九条第二款的规定，本机关不作为政府信息公开申请处理。`,
  '三.六.1': `本机关已向您发出补正通知，您无正当理由逾期未补正。根据${条例}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  '三.六.2': `本机关已向您发出收费通知，您逾期未按要求缴纳费用。根据${条例}第四十二条的规定，本机关不再处理该政府信息公开申请。`,
  '三.六.3': '本机关对您的申请处理如下。',
};

function remedy(organ: string): string {
  return `如对本答复不服，可以自收到本答复之日起60日内向${organ}申请行政复议，或者自收到本答复之日起6个月内向人民法院提起行政诉讼。`;
}

function received(r: DisclosureRequest): string {
  return `本机关于${d(r.receivedDate)}收到您通过${r.method === '其他' ? '' : r.method.replace('提交', '')}方式提出的政府信息公开申请，申请获取“${r.content}”。`;
}

function letterBody(x: LetterData): { title: string; addressee: string; paragraphs: string[] } {
  const r = x.request;
  const corr = [...r.steps].reverse().find((s) => s.kind === '补正');
  const ext = r.steps.find((s) => s.kind === '延期');
  const consult = [...r.steps].reverse().find((s) => s.kind === '征求意见');
  const p: string[] = [];
  let addressee = r.applicant;
  switch (x.kind) {
    case 'receipt':
      p.push(
        `${received(r)}经登记，本机关将依照${条例}第三十三条的规定，自收到申请之日起20个工作日内${r.deadline.dueDate ? `（即${d(r.deadline.dueDate)}前）` : ''}作出答复。需要延长答复期限的，本机关将另行书面告知。`,
      );
      if (r.handler) p.push(`经办人：${r.handler}。`);
      break;
    case 'correction':
      p.push(
        `${received(r)}经审查，您的申请内容不够明确，本机关无法确定您所需的政府信息。根据${条例}第三十条的规定，请您对以下事项作出补正：${clause(corr?.note) || '请明确所需政府信息的名称、文号或者便于本机关查询的其他特征性描述'}。`,
      );
      p.push(
        `请于${corr?.toldDate ? d(corr.toldDate) : '收到本告知书之日起15个工作日内'}前提交补正材料。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      );
      break;
    case 'extension':
      p.push(
        `${received(r)}因${clause(ext?.note) || '您申请的政府信息涉及面广，需要较长时间查找、核实'}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人${clause(ext?.party)}同意，根据${条例}第三十三条第二款的规定，答复期限延长${ext?.days ?? 20}个工作日${r.deadline.dueDate ? `，本机关将于${d(r.deadline.dueDate)}前作出答复` : ''}。`,
      );
      break;
    case 'consult':
      addressee = consult?.party || '第三方';
      p.push(
        `本机关于${d(r.receivedDate)}收到${r.applicant}提出的政府信息公开申请，申请获取“${r.content}”。经审查，该信息公开可能损害您（单位）的合法权益。根据${条例}第三十二条的规定，现书面征求您（单位）的意见。`,
      );
      p.push(
        '请于收到本意见书之日起15个工作日内提出书面意见，并说明理由。逾期未提出意见的，本机关将依照《中华人民共和国政府信息公开条例》的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。',
      );
      break;
    case 'answer':
      p.push(`${received(r)}现答复如下：`);
      p.push(ANSWERS[r.result ?? ''] ?? '本机关对您的申请处理如下。');
      if (r.answerNote) p.push(r.answerNote);
      if (r.feeYuan > 0)
        p.push(`依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本次申请收取信息处理费${r.feeYuan}元。`);
      p.push(remedy(x.reviewOrgan));
      break;
  }
  return { title: LETTER_TITLES[x.kind], addressee, paragraphs: p };
}

export async function buildLetterDocx(x: LetterData): Promise<Buffer> {
  const b = letterBody(x);
  return buildGongwenDocx({
    title: b.title,
    addressee: b.addressee,
    body: b.paragraphs.map((text) => ({ kind: 'paragraph', text })),
    signature: { org: x.bureau, date: x.date },
  });
}

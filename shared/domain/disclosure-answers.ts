// What an answer to a 政府信息公开申请 rests on: for each of the 21 办理结果 of table 三, the articles of the
// 《中华人民共和国政府信息公开条例》 (国务院令第711号, 2019年修订) the answer cites, and the sentence that says why.
// The 答复书 (main/export/disclosure/letters.ts) prints them and the 办理 dialog shows them, so the user sees what the
// letter will cite before choosing. Article numbers are those of the 2019 text:
//   第十四条 国家秘密、法律行政法规禁止公开、危及"三安全一稳定"不予公开; 第十五条 第三方合法权益;
//   第十六条第一款 内部事务信息, 第二款 过程性信息和行政执法案卷; 第三十条 补正; 第三十五条 数量频次明显超过合理范围;
//   第三十六条 答复的七种情形（（一）已主动公开 （二）可以公开 （三）不予公开 （四）信息不存在 （五）非本机关负责
//   （六）重复申请 （七）工商、不动产登记等特别规定）; 第三十七条 区分处理; 第三十八条 需加工、分析的可以不予提供;
//   第三十九条第一款 以申请形式信访投诉举报, 第二款 要求提供公开出版物; 第四十二条 信息处理费.
import { NOT_OURS, resultLabel } from './disclosure';

export interface AnswerBasis {
  /** The articles cited, in the order the sentence names them ("第十五条", "第三十六条第（三）项"). */
  articles: string[];
  /** What the letter says, citing `articles` (the caller adds 《条例》's full name once before). */
  sentence: string;
  /** The sentence ends with a colon that the 答复说明 completes (the agency responsible and how to reach it). */
  takesNote?: boolean;
}

const C = '《条例》';
const cite = (articles: string[]) => `${C}${articles.join('、')}`;
const withhold = (why: string, articles: string[]): AnswerBasis => ({
  articles: [...articles, '第三十六条第（三）项'],
  sentence: `经审查，您申请获取的政府信息${why}。根据${cite([...articles, '第三十六条第（三）项'])}的规定，不予公开。`,
});

/** The 不予公开 categories: the reason in words and the articles (before 第三十六条第（三）项). */
const WITHHELD: Record<string, { why: string; articles: string[] }> = {
  '三.三.1': { why: '属于国家秘密', articles: ['第十四条'] },
  '三.三.2': { why: '属于法律、行政法规禁止公开的信息', articles: ['第十四条'] },
  '三.三.3': { why: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', articles: ['第十四条'] },
  // The words used when the record says nothing more; a letter names the grounds its record gives (thirdPartyWhy).
  '三.三.4': {
    why: '公开会对第三方合法权益造成损害',
    articles: ['第十五条'],
  },
  '三.三.5': { why: '属于人事管理、后勤管理、内部工作流程等内部事务信息', articles: ['第十六条第一款'] },
  '三.三.6': { why: '属于讨论记录、过程稿、磋商信函、请示报告等过程性信息', articles: ['第十六条第二款'] },
  '三.三.7': { why: '属于行政执法案卷信息', articles: ['第十六条第二款'] },
};

const BASES: Record<string, AnswerBasis> = {
  '三.一': {
    articles: ['第三十六条第（二）项'],
    sentence: `经审查，您申请获取的政府信息属于公开范围。根据${cite(['第三十六条第（二）项'])}的规定，现予以公开。`,
  },
  ...Object.fromEntries(Object.entries(WITHHELD).map(([k, w]) => [k, withhold(w.why, w.articles)])),
  '三.三.8': {
    articles: ['第三十六条第（七）项'],
    sentence: `经审查，您申请获取的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定。根据${cite(['第三十六条第（七）项'])}的规定，请您依照有关法律、行政法规的规定办理查询。`,
  },
  '三.四.1': {
    articles: ['第三十六条第（四）项'],
    sentence: `经检索查找，本机关未制作、获取您所申请的政府信息，该政府信息不存在。根据${cite(['第三十六条第（四）项'])}的规定，特此告知。`,
  },
  '三.四.2': {
    articles: ['第三十八条'],
    sentence: `经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析后另行制作。根据${cite(['第三十八条'])}的规定，本机关不予提供。`,
  },
  '三.四.3': {
    articles: ['第三十条'],
    sentence: `本机关已向您发出补正告知，但补正后的申请内容仍不明确，无法确定您所需的政府信息。根据${cite(['第三十条'])}的规定，本机关无法提供。`,
  },
  '三.五.1': {
    articles: ['第三十九条第一款'],
    sentence: `经审查，您的申请系以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${cite(['第三十九条第一款'])}的规定，本机关不作为政府信息公开申请处理，请您通过信访、投诉、举报等相应渠道提出。`,
  },
  '三.五.2': {
    articles: ['第三十六条第（六）项'],
    sentence: `经审查，本机关已就您此前提出的相同政府信息公开申请作出答复，您重复申请公开相同政府信息。根据${cite(['第三十六条第（六）项'])}的规定，本机关不予重复处理。`,
  },
  '三.五.3': {
    articles: ['第三十九条第二款'],
    sentence: `经审查，您申请获取的信息为政府公报、报刊、书籍等公开出版物。根据${cite(['第三十九条第二款'])}的规定，您可以通过公开发行渠道获取。`,
  },
  '三.五.4': {
    articles: ['第三十五条'],
    sentence: `经审查，您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理。根据${cite(['第三十五条'])}的规定，本机关不予处理。`,
  },
  // The 条例 has no article naming this result: such a request does not ask for 政府信息 as 第二条 defines it.
  '三.五.5': {
    articles: ['第二条'],
    sentence: `经审查，您的申请系要求本机关对您已获取的信息予以确认或者重新出具，不属于${C}第二条所称获取政府信息的申请，本机关不作为政府信息公开申请处理。`,
  },
  '三.六.1': {
    articles: ['第三十条'],
    sentence: `本机关已向您发出补正告知，您无正当理由逾期未补正。根据${cite(['第三十条'])}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  },
  '三.六.2': {
    articles: ['第四十二条'],
    sentence: `本机关已向您发出收费通知，您逾期未按要求缴纳信息处理费。根据${cite(['第四十二条'])}和《政府信息公开信息处理费管理办法》的规定，本机关不再处理该政府信息公开申请。`,
  },
  // 其他处理: nothing general to cite; the letter prints the 答复说明 the user wrote (required for it).
  '三.六.3': { articles: [], sentence: '' },
};

/**
 * The basis of an answer with this result; 部分公开 needs the category its withheld part rests on. A 予以公开 of
 * information already published (获取方式 网站) rests on 第三十六条第（一）项: the answer says where to get it.
 */
/** What the record of an application says about a third party's interest: the notes it holds and its 征求意见. */
export interface ThirdPartyRecord {
  /** The notes of the 征求意见 steps and the 答复说明. */
  notes: string[];
  /** Whether the third party's opinion was asked in writing and its reply received (a 征求意见 step with its end). */
  consulted: boolean;
}

/** The interests 条例第十五条 names; a letter names those its record names, and no other. */
const THIRD_PARTY_INTERESTS = ['商业秘密', '个人隐私'] as const;

/**
 * Why a part is withheld for a third party's 合法权益 (三.三.4), in the words the record bears out: the interests its
 * notes name (商业秘密 and/or 个人隐私), and that the third party did not agree only when its opinion was asked.
 */
function thirdPartyWhy(r: ThirdPartyRecord): string {
  const text = r.notes.join('\n');
  const named = THIRD_PARTY_INTERESTS.filter((k) => text.includes(k));
  return [
    `${named.length ? `涉及第三方的${named.join('、')}，` : ''}公开会对第三方合法权益造成损害`,
    r.consulted ? '，经书面征求第三方意见，第三方不同意公开' : '',
  ].join('');
}

export function answerBasis(
  result: string,
  withheldReason: string | null = null,
  provideWay: string = '',
  thirdParty: ThirdPartyRecord | null = null,
): AnswerBasis | null {
  if (result === '三.一' && provideWay === '网站')
    return {
      articles: ['第三十六条第（一）项'],
      sentence: `经审查，您申请获取的政府信息已经主动公开。根据${cite(['第三十六条第（一）项'])}的规定，现告知您获取该政府信息的方式和途径。`,
    };
  // 条例第三十六条第（五）项: not this agency's to disclose; the 答复说明 names the one responsible and its contact.
  if (result === '三.四.1' && withheldReason === NOT_OURS)
    return {
      articles: ['第三十六条第（五）项'],
      sentence: `经审查，您申请获取的政府信息不属于本机关负责公开。根据${cite(['第三十六条第（五）项'])}的规定，现将负责公开该政府信息的行政机关告知如下：`,
      takesNote: true,
    };
  const why = (key: string) =>
    key === '三.三.4' && thirdParty ? { ...WITHHELD[key], why: thirdPartyWhy(thirdParty) } : WITHHELD[key];
  if (result === '三.三.4' && thirdParty) {
    const w = why(result);
    return withhold(w.why, w.articles);
  }
  if (result === '三.二') {
    if (!withheldReason || !WITHHELD[withheldReason]) return null;
    const w = why(withheldReason);
    const articles = ['第三十七条', ...w.articles, '第三十六条第（二）项', '第三十六条第（三）项'];
    return {
      articles,
      sentence: `经审查，您申请获取的政府信息中部分内容${w.why}，可以作区分处理。根据${cite(['第三十七条'])}的规定，本机关对可以公开的部分依照${cite(['第三十六条第（二）项'])}的规定予以提供；对不予公开的部分，根据${cite([...w.articles, '第三十六条第（三）项'])}的规定不予公开。`,
    };
  }
  return BASES[result] ?? null;
}

/** "第十五条、第三十六条第（三）项" for the dialog, or why there is none. */
export function answerBasisText(result: string | null, withheldReason: string | null, provideWay = ''): string {
  if (!result) return '';
  const b = answerBasis(result, withheldReason, provideWay);
  if (!b) return result === '三.二' ? '请选择不予公开部分的理由，答复书据此引用条款。' : '';
  if (!b.articles.length) return `“${resultLabel(result)}”没有通用条款，答复书印出“答复说明”，请写明理由和依据。`;
  return `答复书引用《条例》${b.articles.join('、')}`;
}

/** The category names for the 部分公开 reason select. */
export const WITHHELD_REASON_LABELS: Record<string, string> = Object.fromEntries(
  Object.keys(WITHHELD).map((k) => [k, resultLabel(k).replace(/^不予公开—/, '')]),
);

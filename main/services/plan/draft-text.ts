// The words of a generated plan: the higher level's work point becomes the bureau's own task. A task title is a
// short verb phrase naming the work ("动态调整并及时公开部门权责清单和权力运行流程图"), never a sentence fragment
// ("按照《…》要求"); the body does not repeat it; "各级政府部门要…" addressed to many becomes "我局…".

/** A clause that only sets the scene ("按照《…》要求", "结合…情况", "以…为抓手") names no work. */
const CONTEXT_CLAUSE =
  /^(?:按照|根据|依据|依照|围绕|结合|对照|依托|针对|聚焦|立足|着眼|为了|为|在.{1,30}(?:中|上|下|时|方面)$|以.{1,30}为(?:抓手|重点|依托|目标|核心|主线|载体|导向|契机|基础|引领))/;
/** "2026年8月底前", "12月底前", "年内": a time limit on its own. */
const TIME_PREFIX =
  /^(?:(?:\d{4}|[一二〇零]{4})年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|年内|年末|上半年|下半年|第?[一二三四]季度(?:末|底)?)(?:前|之前|以前|内)?[，,、\s]*/;
/**
 * The addressee at the head of a clause: "各级政府部门要", "县级政府要", "各级政府办公厅(室)要", "要". The bureau's plan
 * speaks to the bureau, so the title starts at the work.
 */
const SUBJECT_PREFIX =
  /^(?:[^，,。；;：:\d]{2,24}?(?:部门|单位|机关|政府|网站|办公厅|办公室|[（(]室[）)]|〔室〕|人员|厅|委|局|各地)(?:要|应当|应|须|必须|将)|要)(?=[\u4e00-\u9fa5《“])/;

/** Nothing, or only an addressee: "", "各级政府部门要", "要". */
const ADDRESSEE_ONLY =
  /^(?:[^，,。；;：:\d]{2,24}?(?:部门|单位|机关|政府|网站|办公厅|办公室|[（(]室[）)]|〔室〕|人员|厅|委|局|各地)(?:要|应当|应|须|必须|将)|要)?$/;

/** Subjects that name the bureau among many: "各级政府部门要" → "我局". */
const BUREAU_SUBJECT =
  /(^|[。；;！!]\s*|[，,]\s*)((?:全省|全市|全县|全州|全区)?(?:省直|市直|州直|县直|区直)?(?:各级各|各地各|各级|各)(?:政府)?(?:有关)?(?:部门|单位|行政机关))(要|应当|应|须|必须)/g;

/**
 * The same addressees when a verb follows without 要 ("各部门发布…", "各部门制发的…"): the bureau among them. Not before
 * 和/及/与/、/之间/共同 …, where the words name more than the bureau.
 */
const BUREAU_ADDRESSEE =
  /(^|[。；;！!]\s*|[，,]\s*)(?:全省|全市|全县|全州|全区)?(?:省直|市直|州直|县直|区直)?(?:各级各|各地各|各级|各)(?:政府)?(?:有关)?(?:部门|单位|行政机关)(?![要应须必和及与、之间共联协分都])(?=[\u4e00-\u9fa5])/g;

/** The words that make a clause the predicate of the clause before it ("…文件，要在印发后…公开"). */
const PREDICATE_HEAD = /^(?:要|应当|应|须|必须)(?=[\u4e00-\u9fa5])/;

function clausesOf(sentence: string): string[] {
  return sentence
    .split(/[，,：:]/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The sentence up to the first 。；; (the short heading the importer also keeps as the point's title). */
function firstSentence(text: string): string {
  return (
    text
      .trim()
      .split(/[。；;！!]/)[0]
      ?.trim() ?? ''
  );
}

/** "2026年6月底前完成。": a sentence that only states the time limit. */
const DEADLINE_ONLY =
  /^(?:(?:\d{4}|[一二〇零]{4})年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|年内|年末|上半年|下半年|第?[一二三四]季度(?:末|底)?)(?:前|之前|以前|内)?(?:完成|办结|落实到位)?[。；;]?$/;

/**
 * The body without sentences that only state the time limit: the task's 完成时限 carries it (read from the same
 * words), so the plan does not print "2026年6月底前完成。（…完成时限：2026年6月底前）" nor a 具体措施 that is a date.
 */
function withoutDeadlineSentences(text: string): string {
  return text
    .split(/(?<=[。；;])/)
    .filter((x) => !DEADLINE_ONLY.test(x.trim()))
    .join('')
    .trim();
}

/** "各级政府部门要全面梳理…" → "我局要全面梳理…", "各部门发布…" → "我局发布…": the draft addresses the bureau. */
export function toBureauVoice(text: string): string {
  return text
    .replace(BUREAU_SUBJECT, (_m, lead: string, _subject: string, verb: string) => `${lead}我局${verb}`)
    .replace(BUREAU_ADDRESSEE, (_m, lead: string) => `${lead}我局`);
}

/** The work a clause names, without a leading time limit or addressee ("各部门发布年度报告" → "发布年度报告"). */
function workOf(clause: string): string {
  const work = clause.replace(TIME_PREFIX, '').replace(SUBJECT_PREFIX, '').trim();
  const bare = work.replace(BUREAU_ADDRESSEE, '$1');
  // "各部门制发的行政规范性文件": the addressee qualifies a noun; the bureau's plan names itself there.
  return /^[\u4e00-\u9fa5]{0,3}的/.test(bare) ? toBureauVoice(work) : bare;
}

interface DraftText {
  title: string;
  /** The body: the point's text without the title's words at its start, in the bureau's voice. */
  measures: string;
}

/**
 * 工作任务 and 具体措施 from a point's heading and text (plus ①② sub-items folded in). The title is the first clause
 * of the first sentence that names work (scene-setting and time-only clauses skipped; the addressee removed). When
 * the title is where the text starts, the body continues after it; otherwise the body keeps the whole text (the
 * title then names the work the body describes). Nothing of the higher level's words is lost from the body but a
 * sentence that only states the time limit (the task's 完成时限 says it).
 */
export function draftTextOf(heading: string, text: string, folded: readonly string[] = []): DraftText {
  const full = text.trim();
  // The importer's heading is the text's first sentence; a heading that is not ("总体要求") is a name already.
  const head = (heading.trim() || firstSentence(full)).replace(/[。；;，,]+$/, '');
  // A heading that is not where the text starts ("总体要求" over "认真落实…") is the item's name: it is the title.
  if (heading.trim() && !full.startsWith(head) && head.length <= 20 && !/[，,；;。]/.test(head))
    return {
      title: workOf(head) || head,
      measures: [toBureauVoice(full), ...folded]
        .filter((x) => x.trim())
        .join('\n')
        .slice(0, 5000),
    };
  // "总体要求 认真落实…": a short run-in heading set off by a space is the item's name.
  const runIn = /^([^\s，,。；;：:]{2,12})\s+(?=\S)/.exec(full);
  if (runIn)
    return {
      title: runIn[1],
      measures: [toBureauVoice(full.slice(runIn[0].length)), ...folded]
        .filter((x) => x.trim())
        .join('\n')
        .slice(0, 5000),
    };
  const sentence = firstSentence(full);
  const clauses = clausesOf(sentence);
  let title = '';
  for (const [i, c] of clauses.entries()) {
    const work = workOf(c);
    if (!work || CONTEXT_CLAUSE.test(work) || /^(?:\d{4}年)?\d{1,2}月/.test(work)) continue;
    title = work;
    // "各部门制发的行政规范性文件，要在印发后20个工作日内在政府网站公开": the clause is the subject of the next one;
    // the title is the whole phrase, subject and predicate, and the body goes on after both.
    const next = clauses[i + 1];
    if (next && i === 0 && PREDICATE_HEAD.test(next) && !PREDICATE_HEAD.test(c)) {
      const end = full.indexOf(next) + next.length;
      const rest = full
        .slice(end)
        .replace(/^[。；;，,、：:\s]+/, '')
        .replace(/^(?:并且|并)(?=[\u4e00-\u9fa5])/, '');
      const topicTitle = (title + next.replace(PREDICATE_HEAD, '')).replace(/[。；;，,、]+$/, '');
      const body = toBureauVoice(withoutDeadlineSentences(rest));
      return {
        title: topicTitle.slice(0, 200),
        measures: [body, ...folded]
          .filter((x) => x.trim())
          .join('\n')
          .slice(0, 5000),
      };
    }
    break;
  }
  if (!title) title = workOf(clauses[0] ?? head) || head;
  title = title.replace(/[。；;，,、]+$/, '');

  // The body continues after the title when only the title's addressee ("各级政府部门要") came before it; a time
  // limit or a scene-setting clause before it stays, so the body reads whole.
  let body = full;
  const idx = full.indexOf(title);
  if (idx >= 0 && ADDRESSEE_ONLY.test(full.slice(0, idx)))
    body = full.slice(idx + title.length).replace(/^[。；;，,、：:\s]+/, '');
  body = toBureauVoice(withoutDeadlineSentences(body));
  const parts = [body, ...folded].filter((x) => x.trim());
  return { title: title.slice(0, 200) || '（未命名任务）', measures: parts.join('\n').slice(0, 5000) };
}

import type { Generated } from 'kysely';

// Kysely table types. Each area keeps its tables in its own interface; Database joins them.

interface FoundationTables {
  bureau: {
    id: number;
    full_name: string;
    short_name: string;
    region: string;
    head: string;
    leader: string;
    contact: string;
    phone: string;
    /** Migration 37: 地址, 邮政编码, 网站 (公开专栏) and the letters' 文号 form ('' = the default from the 简称). */
    address: Generated<string>;
    postcode: Generated<string>;
    website: Generated<string>;
    letter_number_form: Generated<string>;
    updated_at: string;
  };
  setting: { key: string; value: string };
  department: { id: Generated<number>; name: string; sort_order: number; active: number; created_at: string };
  staff: {
    id: Generated<number>;
    name: string;
    department_id: number | null;
    title: string;
    phone: string;
    status: '在岗' | '离岗';
    note: string;
    created_at: string;
  };
  attachment: {
    id: Generated<number>;
    file_name: string;
    mime: string;
    size_bytes: number;
    sha256: string;
    data: Buffer;
    created_at: string;
  };
  audit_log: {
    id: Generated<number>;
    at: string;
    os_user: string;
    entity: string;
    entity_id: number | null;
    action: string;
    summary: string;
    changes: string | null;
  };
}

interface PointsTables {
  source_document: {
    id: Generated<number>;
    year: number;
    title: string;
    doc_number: string | null;
    issuer: string | null;
    issued_date: string | null;
    source_kind: 'docx' | 'xlsx' | 'txt' | 'paste';
    attachment_id: number | null;
    imported_at: string;
    updated_at: string;
  };
  work_point: {
    id: Generated<number>;
    document_id: number;
    seq: number;
    parent_id: number | null;
    level: number;
    label: string;
    title: string;
    text: string;
    lead_json: string;
    support_json: string;
    deadline: string | null;
    deadline_text: string | null;
    updated_at: string;
  };
}
interface PlanTables {
  plan: {
    id: Generated<number>;
    year: number;
    title: string;
    doc_number: string;
    doc_date: string | null;
    intro: string;
    closing_json: string;
    signature_org: string;
    created_at: string;
    updated_at: string;
  };
  plan_source: { plan_id: number; document_id: number };
  plan_section: { id: Generated<number>; plan_id: number; sort_order: number; title: string };
  plan_task: {
    id: Generated<number>;
    plan_id: number;
    section_id: number;
    sort_order: number;
    title: string;
    measures: string;
    deadline_kind: 'date' | 'yearEnd' | 'recurring' | 'ongoing' | 'afterEvent';
    deadline_date: string | null;
    deadline_recurrence: 'monthly' | 'quarterly' | 'halfYearly' | 'yearly' | null;
    deadline_days: number | null;
    deadline_text: string;
    event_date: string | null;
    status: '未开始' | '进行中' | '已完成' | '不适用';
    status_reason: string;
    completed_on: string | null;
    owner_staff_id: number | null;
    unmapped_units_json: string;
    created_at: string;
    updated_at: string;
  };
  plan_task_department: { task_id: number; department_id: number; role: 'lead' | 'support'; sort_order: number };
  plan_task_point: { task_id: number; work_point_id: number };
  plan_progress: {
    id: Generated<number>;
    task_id: number;
    date: string;
    text: string;
    percent: number | null;
    created_at: string;
  };
  plan_evidence: {
    id: Generated<number>;
    progress_id: number;
    title: string;
    attachment_id: number | null;
    link: string | null;
  };
  unit_mapping: {
    unit: string;
    department_id: number | null;
    ignored: number;
    all_departments: Generated<number>;
    updated_at: string;
  };
}
interface TeamTables {
  ab_post: {
    id: Generated<number>;
    name: string;
    duties: string;
    sort_order: number;
    active: number;
    created_at: string;
  };
  ab_change: {
    id: Generated<number>;
    post_id: number;
    role: 'A' | 'B';
    change_date: string;
    from_staff_id: number | null;
    to_staff_id: number;
    reason: string;
    handover_date: string;
    handover_items: string;
    transition_end: string | null;
    handover_note: string;
    filing_due: string;
    filed_date: string | null;
    filed_to: string;
    filed_doc_number: string;
    created_at: string;
  };
  ab_holding: {
    id: Generated<number>;
    post_id: number;
    role: 'A' | 'B';
    staff_id: number;
    start_date: string;
    end_date: string | null;
    change_id: number | null;
    created_at: string;
  };
  ab_absence: {
    id: Generated<number>;
    staff_id: number;
    kind: string;
    start_date: string;
    end_date: string;
    note: string;
    created_at: string;
  };
  training: {
    id: Generated<number>;
    date: string;
    title: string;
    kind: string;
    form: string;
    status: '已举办' | '计划';
    organiser: string;
    trainer: string;
    place: string;
    hours_tenths: number;
    summary: string;
    created_at: string;
    updated_at: string;
  };
  training_attendee: { training_id: number; staff_id: number; present: number };
  training_file: { training_id: number; attachment_id: number; kind: '材料' | '照片' };
}

/** 信息公开 (migration 31): registers and the annual report's inputs. */
interface DisclosureTables {
  publication_column: { id: Generated<number>; name: string; sort_order: number; active: number; created_at: string };
  publication: {
    id: Generated<number>;
    title: string;
    published_date: string;
    formed_date: string | null;
    column_id: number;
    channel: string;
    doc_number: string;
    link: string;
    source: string;
    normative: number;
    interpretation: number;
    interprets_id: number | null;
    drafter: string;
    drafted_date: string | null;
    reviewer: string;
    reviewed_date: string | null;
    approver: string;
    approved_date: string | null;
    note: string;
    created_at: string;
    updated_at: string;
  };
  request: {
    id: Generated<number>;
    received_date: string;
    applicant: string;
    applicant_type: string;
    method: string;
    content: string;
    handler: string;
    contact: string;
    answered_date: string | null;
    result: string | null;
    fee_yuan: number;
    answer_note: string;
    /** Migration 37: how the information is provided (载体形式, 获取方式, 时间) and the 部分公开 withheld part's reason. */
    provide_medium: Generated<string>;
    provide_way: Generated<string>;
    provide_date: string | null;
    withheld_reason: string | null;
    created_at: string;
    updated_at: string;
  };
  request_step: {
    id: Generated<number>;
    request_id: number;
    kind: string;
    start_date: string;
    end_date: string | null;
    days: number | null;
    party: string;
    told_date: string | null;
    note: string;
  };
  review: {
    id: Generated<number>;
    request_id: number;
    kind: string;
    filed_date: string;
    organ: string;
    case_number: string;
    result: string;
    decided_date: string | null;
    note: string;
    created_at: string;
  };
  disclosure_year_input: {
    year: number;
    rules_issued: number;
    rules_repealed: number;
    rules_in_force: number | null;
    norm_issued: number;
    norm_repealed: number;
    norm_in_force: number | null;
    licensing: number;
    punishment: number;
    enforcement: number;
    /** 万元 × 10000 as an integer, so sums stay exact. */
    fees_wan_e4: number;
    texts: string;
    exported_at: string | null;
    exported_carry: string | null;
    /** Migration 37: the 成文日期 chosen (null: the default) and why 现行有效 differs from last year's + 制发 − 废止. */
    report_date: string | null;
    in_force_note: Generated<string>;
    updated_at: string;
  };
  /** Migration 37: the 文号 each letter of an application was given, numbered per year (and series). */
  letter_number: {
    id: Generated<number>;
    request_id: number;
    kind: string;
    year: number;
    series: string;
    seq: number;
    doc_number: string;
    created_at: string;
  };
}

interface SummaryTables {
  summary: {
    id: Generated<number>;
    year: number;
    kind: '年度' | '半年';
    title: string;
    addressee: string;
    signature_org: string;
    signature_date: string;
    public_note: number;
    with_tables: number;
    with_charts: number;
    figures_json: string;
    lists_json: string;
    refreshed_at: string;
    created_at: string;
    updated_at: string;
  };
  summary_paragraph: {
    id: Generated<number>;
    summary_id: number;
    key: string;
    sort_order: number;
    level: number;
    heading: string;
    template: string;
    user_heading: string | null;
    user_text: string | null;
    edited_at: string | null;
    pending_heading: string | null;
    pending_template: string | null;
    orphan: number;
    changes_json: string;
  };
}

interface SelfcheckTables {
  sc_template: {
    id: Generated<number>;
    year: number;
    title: string;
    total: number;
    grades_json: string;
    source: 'import' | 'builtin' | 'copy' | 'manual';
    attachment_id: number | null;
    created_at: string;
    updated_at: string;
    /** Migration 36: 1 = the self-check is 暂定 (its grade shown, so labelled, before every indicator is rated). */
    provisional: Generated<number>;
  };
  sc_indicator: {
    id: Generated<number>;
    template_id: number;
    parent_id: number | null;
    sort_order: number;
    level: number;
    name: string;
    points: number | null;
    weight: number | null;
    basis: number | null;
    criteria: string;
    rule_json: string;
    capped: number;
    ceiling_ratio: number | null;
    source: string;
    /** What the records measure for this indicator (RECORD_MEASURES or 'none'); null: not chosen (migration 36). */
    record_measure: string | null;
  };
  sc_entry: {
    indicator_id: number;
    score: number | null;
    /** The one count of a counted rule (按次扣分, 重大扣分, 加分). */
    occurrences: number | null;
    /** Migration 38: a 分项扣分 rule's count of each finding, a JSON list in the rule's order. */
    finding_counts: string | null;
    flag: number;
    ceiling: number;
    reason: string;
    measure: string;
    updated_at: string;
    /** Migration 36: 0 = 未评 (counts nothing). */
    rated: Generated<number>;
    decision: 'entered' | 'accepted' | 'override' | null;
    override_reason: Generated<string>;
    proposal_count: number | null;
  };
  sc_evidence: {
    id: Generated<number>;
    indicator_id: number;
    kind: string;
    ref_id: number | null;
    attachment_id: number | null;
    url: string | null;
    title: string;
    created_at: string;
  };
  sc_report: { year: number; sections_json: string; updated_at: string };
  rectification: {
    id: Generated<number>;
    year: number;
    source: string;
    indicator_id: number | null;
    task_id: number | null;
    origin: string;
    problem: string;
    measure: string;
    kind: string;
    leader: string;
    department_id: number | null;
    owner_staff_id: number | null;
    deadline: string | null;
    state: string;
    completed_on: string | null;
    closed_on: string | null;
    closed_by: string;
    explanation: number;
    note: string;
    created_at: string;
    updated_at: string;
  };
  rectification_progress: {
    id: Generated<number>;
    rectification_id: number;
    date: string;
    text: string;
    attachment_id: number | null;
    url: string | null;
    evidence_title: string;
    created_at: string;
  };
  rectification_evidence: {
    id: Generated<number>;
    progress_id: number;
    title: string;
    attachment_id: number | null;
    url: string | null;
    created_at: string;
  };
  lookback_note: { task_id: number; reason: string; carried_task_id: number | null; updated_at: string };
}

export interface Database
  extends FoundationTables, PointsTables, PlanTables, TeamTables, DisclosureTables, SelfcheckTables, SummaryTables {}

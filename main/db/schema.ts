import type { Generated } from 'kysely';

// Kysely table types. Each area keeps its tables in its own interface; Database joins them.

export interface FoundationTables {
  bureau: {
    id: number;
    full_name: string;
    short_name: string;
    region: string;
    head: string;
    leader: string;
    contact: string;
    phone: string;
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

export interface PointsTables {
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
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanTables {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TeamTables {}

export interface Database extends FoundationTables, PointsTables, PlanTables, TeamTables {}

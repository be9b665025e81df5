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

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PointsTables {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanTables {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TeamTables {}

export interface Database extends FoundationTables, PointsTables, PlanTables, TeamTables {}

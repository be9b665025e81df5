import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import type { RawDb } from './open';

/** One schema object as SQLite records it: tables, indexes (with the automatic ones), triggers and views. */
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * The schema of an open file, sorted, without SQLite's own bookkeeping tables (sqlite_sequence, sqlite_stat*), whose
 * presence depends on what was written, not on what the program created.
 */
export function schemaOf(db: RawDb): SchemaObject[] {
  return db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_sequence' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name",
    )
    .all() as SchemaObject[];
}

const referenceCache = new Map<readonly Migration[], SchemaObject[]>();

/** The exact schema a new file gets from these migrations (built once in memory). */
export function referenceSchema(migrations: readonly Migration[] = MIGRATIONS): SchemaObject[] {
  let schema = referenceCache.get(migrations);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      for (const m of migrations) db.exec(m.sql);
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    referenceCache.set(migrations, schema);
  }
  return schema;
}

/** The table names of a new file: the only names the program ever puts into SQL text of its own. */
export function referenceTables(migrations: readonly Migration[] = MIGRATIONS): string[] {
  return referenceSchema(migrations)
    .filter((o) => o.type === 'table')
    .map((o) => o.name);
}

const KIND_LABEL: Record<string, string> = { table: '数据表', index: '索引', trigger: '触发器', view: '视图' };

/**
 * Differences between a file's schema and a new file's, in Chinese, at most `limit` of them: objects missing,
 * objects that a new file does not have, and objects defined differently (columns, constraints, index columns).
 */
export function schemaDifferences(
  actual: SchemaObject[],
  expected: SchemaObject[] = referenceSchema(),
  limit = 5,
): string[] {
  const key = (o: SchemaObject) => `${o.type}\u0000${o.name}`;
  const want = new Map(expected.map((o) => [key(o), o]));
  const have = new Map(actual.map((o) => [key(o), o]));
  const out: string[] = [];
  const label = (o: SchemaObject) => `${KIND_LABEL[o.type] ?? o.type}“${o.name}”`;
  // Tables first, then triggers (they run code), then indexes and views: the most telling differences lead.
  for (const type of ['table', 'trigger', 'index', 'view']) {
    for (const [k, o] of want) if (o.type === type && !have.has(k)) out.push(`缺少${label(o)}`);
    for (const [k, o] of have) if (o.type === type && !want.has(k)) out.push(`多出${label(o)}`);
    for (const [k, o] of want) {
      const h = have.get(k);
      if (o.type !== type || !h) continue;
      if ((h.sql ?? '') !== (o.sql ?? '')) out.push(`${label(o)}的定义与本程序不同`);
      else if (h.tbl_name !== o.tbl_name) out.push(`${label(o)}属于其他数据表`);
    }
  }
  for (const [k, o] of have)
    if (!['table', 'trigger', 'index', 'view'].includes(o.type) && !want.has(k)) out.push(`多出${label(o)}`);
  return out.slice(0, limit).concat(out.length > limit ? [`等共 ${out.length} 处`] : []);
}

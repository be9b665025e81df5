import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import type { RawDb } from './open';
import type { Database as Schema } from './schema';

/** Turns each service's own transaction into a savepoint of an outer transaction already open on the connection. */
class SavepointDriver extends SqliteDriver {
  private depth = 0;
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.depth++;
    await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT nested_${this.depth}`));
  }
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`RELEASE nested_${this.depth}`));
    this.depth--;
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO nested_${this.depth}`));
    await connection.executeQuery(CompiledQuery.raw(`RELEASE nested_${this.depth}`));
    this.depth--;
  }
}

class SavepointDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): SqliteDriver {
    return new SavepointDriver(this.config);
  }
}

/**
 * Runs `work` on a second connection to the same file inside ONE transaction: services called inside keep their
 * own `ctx.db.transaction()` (they become savepoints), but nothing is committed until `work` has finished, so a
 * failure or a killed process leaves no trace. Other connections keep reading the state before it (WAL) and their
 * writes wait for it (busy_timeout).
 */
export async function inOneTransaction<T>(
  dbPath: string,
  work: (raw: RawDb, db: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  const raw = new Database(dbPath, { fileMustExist: true });
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SavepointDialect({ database: raw }) });
  try {
    raw.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(raw, db);
      raw.exec('COMMIT');
      return result;
    } catch (e) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      throw e;
    }
  } finally {
    await db.destroy();
    if (raw.open) raw.close();
  }
}

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

/**
 * Whether the connection is still inside a transaction. SQLite rolls the whole transaction back by itself on some
 * errors (SQLITE_FULL, an I/O error): a ROLLBACK (or ROLLBACK TO) after that fails with "no transaction is active",
 * and that error would replace the one that tells what happened (the disk is full).
 */
function stillInTransaction(config: SqliteDialectConfig): boolean {
  const db = config.database as unknown as { inTransaction?: boolean };
  return typeof db !== 'function' && db.inTransaction !== false;
}

/** Turns each service's own transaction into a savepoint of an outer transaction already open on the connection. */
class SavepointDriver extends SqliteDriver {
  private depth = 0;
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.depth++;
    await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT nested_${this.depth}`));
  }
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`RELEASE nested_${this.depth}`));
    this.depth--;
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (stillInTransaction(this.dialectConfig)) {
      await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO nested_${this.depth}`));
      await connection.executeQuery(CompiledQuery.raw(`RELEASE nested_${this.depth}`));
    }
    this.depth--;
  }
}

/**
 * Every write transaction takes SQLite's write lock when it begins (BEGIN IMMEDIATE), so a writer that meets a busy
 * file waits out busy_timeout. A deferred BEGIN would start as a reader and fail at once with SQLITE_BUSY when it
 * tried to write after another program's commit (a WAL snapshot cannot be upgraded), whatever the timeout says.
 * A read-only connection begins deferred: it never writes, and takes no lock it does not need.
 */
class ImmediateDriver extends SqliteDriver {
  constructor(
    private readonly dialectConfig: SqliteDialectConfig,
    private readonly readOnly: boolean,
  ) {
    super(dialectConfig);
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(this.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE'));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (stillInTransaction(this.dialectConfig)) await super.rollbackTransaction(connection);
  }
}

/** The dialect of the workstation's connection: see ImmediateDriver. */
export class WorkstationDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly readOnly = false,
  ) {
    super(config);
  }
  override createDriver(): SqliteDriver {
    return new ImmediateDriver(this.config, this.readOnly);
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

/** How the workstation holds its file: what inOneTransaction needs to open a second connection the same way. */
interface Holding {
  dbPath: string;
  raw: RawDb;
  /** Opened read-only (another program writes the file): the second connection is read-only too. */
  readOnly: boolean;
  /** On a network share the one connection holds the file exclusively: a second one would wait for it for ever. */
  exclusive: boolean;
}

/**
 * Runs `work` on a second connection to the same file inside ONE transaction: services called inside keep their
 * own `ctx.db.transaction()` (they become savepoints), but nothing is committed until `work` has finished, so a
 * failure or a killed process leaves no trace. Other connections keep reading the state before it (WAL) and their
 * writes wait for it (busy_timeout). A file held exclusively (network share) has only the one connection: the
 * transaction runs on it.
 */
export async function inOneTransaction<T>(
  holding: Holding,
  work: (raw: RawDb, db: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  const shared = holding.exclusive;
  const raw = shared ? holding.raw : new Database(holding.dbPath, { fileMustExist: true, readonly: holding.readOnly });
  if (!shared) {
    raw.pragma('busy_timeout = 5000');
    raw.pragma('foreign_keys = ON');
  }
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
    if (!shared) {
      await db.destroy();
      if (raw.open) raw.close();
    }
  }
}

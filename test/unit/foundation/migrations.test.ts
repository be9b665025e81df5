import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { assertIncreasing, migrateDatabase } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { openDatabase, schemaVersionOf } from '../../../main/db/open';
import { schemaOf } from '../../../main/db/schema-check';
import { makeTempDir } from '../../helpers/workstation';

/**
 * The migrations every released program has shipped. A file in an office may sit at any of these versions; each is
 * frozen (name and SQL) and every new migration is numbered above the highest. Add a line here only when a release
 * ships a new migration; never change one.
 */
const RELEASED: { version: number; name: string; sha256: string }[] = [
  {
    version: 1,
    name: '基础数据：单位、设置、科室、人员、附件、操作记录',
    sha256: '586392f9e0cffa26018eeebc9fe59060a91c9202430c5209dbe9c5236ed18996',
  },
  {
    version: 10,
    name: '上级要点：上级文件与工作要点',
    sha256: '70753c57420b9a058b36c1d8796a13fbe588d971119376acf86f544a105df5f3',
  },
  {
    version: 20,
    name: '实施方案：方案、章节、任务、进展、单位对应',
    sha256: '13774bbb4cb97ef33b135fe113937864d6d3c8b3b74dbc71a05dd2a289ee0db3',
  },
  {
    version: 30,
    name: '政务公开队伍：AB岗、交接备案、不在岗登记、培训台账',
    sha256: '509903b8b8fb638ab8e51326f46573b9729233fc186d697d8ab08c78b2a87455',
  },
  {
    version: 31,
    name: '信息公开：信息发布登记、依申请公开、复议诉讼、年度报告',
    sha256: '007f546dca50ce6b84dc8758ff020cfc5ce253e74ddb35a8bc8d0022ed5c8020',
  },
  {
    version: 32,
    name: '自查整改：考核细则、自查评分、佐证材料、回头看、整改台账',
    sha256: '58661b925c25e74f44e0fe54a33cf7986c05fa544b1c145b0c0685593c23797e',
  },
  {
    version: 33,
    name: '年度工作总结：草稿、段落与数据快照',
    sha256: '4c1ff8bdf304bedd0974746a6647f974d920325f126c96817bdea7a955b861c9',
  },
  {
    version: 34,
    name: '单位对应：可对应全部科室',
    sha256: '90ead10dbf62fd2f2c0ce91b8dee9ce933f83134608e3b7b6241725d9329acbd',
  },
  {
    version: 35,
    name: '自查整改：整改进展的多项佐证材料',
    sha256: 'e7b1f58a980d7f73fa85813605d6dcc66f7aa5594bf1db118d39d6365100918d',
  },
  {
    version: 36,
    name: '自查整改：未评、暂定与由记录计算的建议分',
    sha256: '96329a144c9a2c32ec7d1fc1ce4a7041a154570db4e3b0dcf004f93bac94a414',
  },
  {
    version: 37,
    name: '核对与文书：单位地址邮编网站和文书文号、年报成文日期、答复的提供方式、文书编号',
    sha256: '5dd5a38084d7c9d86dcac0c2fcefcf056b5d77b1ea9d93f332e8548352493e08',
  },
];
const sha = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * Puts one row into every table, derived from the table's own definition so it keeps working for tables added by
 * later releases: integers are 1 (foreign keys then point at the row 1 of the table they reference, which exists
 * because tables are filled in creation order), text is a value unique to the table and column (dates one same day), a column limited
 * by `CHECK (col IN ('a', …))` takes the first allowed value, an INTEGER PRIMARY KEY is left to SQLite. Returns what was inserted, table by table.
 */
function fillEveryTable(db: Database.Database): Map<string, Record<string, unknown>[]> {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all() as { name: string; sql: string }[];
  for (const t of tables) {
    const cols = db.pragma(`table_info("${t.name}")`) as { name: string; type: string; pk: number }[];
    const rowidAlias =
      cols.filter((c) => c.pk > 0).length === 1 ? cols.find((c) => c.pk === 1 && /^INTEGER$/i.test(c.type)) : undefined;
    const values = cols.map((c) => {
      // Its own id comes from SQLite (a release may have put rows in already); references point at row 1.
      if (c === rowidAlias) return null;
      const allowed = new RegExp(`\\b${c.name}\\s+IN\\s*\\(\\s*'([^']*)'`).exec(t.sql);
      if (allowed) return allowed[1];
      if (/INT|REAL|NUM|FLOA|DOUB/i.test(c.type)) return 1;
      if (/BLOB/i.test(c.type)) return Buffer.from([0, 1, 2]);
      // Dates are all one day, so checks such as end_date >= start_date hold.
      if (/(^|_)(date|at|on)$/.test(c.name)) return '2026-03-01';
      return `${t.name}.${c.name}`;
    });
    db.prepare(
      `INSERT INTO "${t.name}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    ).run(...values);
  }
  return new Map(
    tables.map((t) => [
      t.name,
      db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all() as Record<string, unknown>[],
    ]),
  );
}

describe('migration sequence', () => {
  it('keeps every released migration, its number, name and SQL exactly as shipped', () => {
    for (const r of RELEASED) {
      const m = MIGRATIONS.find((x) => x.version === r.version);
      expect(m, `released migration ${r.version} is missing`).toBeDefined();
      expect(m!.name).toBe(r.name);
      expect(sha(m!.sql), `released migration ${r.version} (${r.name}) was edited: add a new migration instead`).toBe(
        r.sha256,
      );
    }
  });

  it('is one strictly increasing list, and every new migration comes after the highest released one', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(() => assertIncreasing(MIGRATIONS)).not.toThrow();
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]);
    const released = new Set(RELEASED.map((r) => r.version));
    const highestReleased = Math.max(...released);
    for (const m of MIGRATIONS) {
      if (!released.has(m.version))
        expect(
          m.version,
          `migration ${m.version} (${m.name}) sorts below released ${highestReleased}: it would be skipped on every existing file`,
        ).toBeGreaterThan(highestReleased);
    }
  });

  it('refuses to run a list out of order instead of skipping a migration', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'x.sqlite'));
    const outOfOrder = [
      MIGRATIONS[0],
      { version: 40, name: 'later', sql: 'CREATE TABLE later_one (id INTEGER PRIMARY KEY);' },
      { version: 11, name: 'late', sql: 'CREATE TABLE late_one (id INTEGER PRIMARY KEY);' },
    ];
    expect(() => migrateDatabase(db, 'x', () => '', outOfOrder)).toThrow(/out of order/);
    expect(schemaVersionOf(db)).toBe(0);
    db.close();
  });

  it.each(RELEASED.map((r) => r.version))(
    'upgrades a file made by the release at version %i to exactly a new file, keeping every row',
    (version) => {
      const dir = makeTempDir();
      dirs.push(dir);
      // The file an office has: made by that release, with data in every table it had.
      const oldFile = path.join(dir, 'old.sqlite');
      const old = openDatabase(oldFile);
      migrateDatabase(
        old,
        oldFile,
        () => '',
        MIGRATIONS.filter((m) => m.version <= version),
      );
      expect(schemaVersionOf(old)).toBe(version);
      const rows = fillEveryTable(old);
      expect(old.pragma('foreign_key_check')).toEqual([]);
      old.close();

      const backups: string[] = [];
      const db = openDatabase(oldFile);
      const r = migrateDatabase(db, oldFile, () => {
        backups.push('made');
        return 'backup';
      });
      expect(r).toMatchObject({ from: version, to: MIGRATIONS[MIGRATIONS.length - 1].version });
      expect(backups.length).toBe(version === r.to ? 0 : 1);

      const freshFile = path.join(dir, 'new.sqlite');
      const fresh = openDatabase(freshFile);
      migrateDatabase(fresh, freshFile, () => '');
      expect(schemaOf(db)).toEqual(schemaOf(fresh));
      expect(schemaVersionOf(db)).toBe(schemaVersionOf(fresh));
      fresh.close();

      for (const [table, before] of rows) {
        const after = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
        expect(after.length, table).toBe(before.length);
        after.forEach((row, i) => {
          for (const [col, value] of Object.entries(before[i])) expect(row[col], `${table}.${col}`).toEqual(value);
        });
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    },
  );
});

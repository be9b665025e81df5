// shared/ipc/reads.ts lists the methods that only read: the window keeps and shares their answers (call.ts, useLoad)
// and keeps screens built on them (kept-screens.tsx) until a call of any other method. A listed method that wrote would
// leave a screen showing data from before its write. Each one is called here on the example year through the real
// dispatch(), and the data file must have no change at all. A method added to the list needs an input here.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { READ_METHODS } from '../../../shared/ipc/reads';
import { EVIDENCE_KINDS } from '../../../shared/domain/selfcheck';
import type { Method } from '../../../shared/ipc/contract';
import { workstationsPerTest } from '../../helpers/workstation';

type Ids = Record<'year' | 'document' | 'task' | 'training' | 'post' | 'indicator', number>;

/** An input each read method accepts, with the example year's records. */
const INPUTS: Record<string, (ids: Ids) => unknown> = {
  'app.status': () => undefined,
  'audit.list': () => ({ entity: 'staff' }),
  'backup.list': () => undefined,
  'calendar.get': ({ year }) => ({ year }),
  'departments.list': () => undefined,
  'staff.list': () => ({}),
  'settings.getAll': () => undefined,
  'points.documents': ({ year }) => ({ year }),
  'points.document': ({ document }) => ({ id: document }),
  'plan.get': ({ year }) => ({ year }),
  'plan.coverage': ({ year }) => ({ year }),
  'plan.pointOptions': ({ year }) => ({ year }),
  'plan.unitMappings': ({ document }) => ({ documentIds: [document] }),
  'tasks.list': ({ year }) => ({ year }),
  'tasks.get': ({ task }) => ({ id: task }),
  'tasks.due': ({ year }) => ({ year }),
  'ab.posts': () => undefined,
  'ab.changes': () => undefined,
  'ab.absences': () => undefined,
  'ab.history': ({ post }) => ({ postId: post }),
  'team.settings': () => undefined,
  'team.warnings': () => undefined,
  'training.list': ({ year }) => ({ year }),
  'training.get': ({ training }) => ({ id: training }),
  'training.requirement': ({ year }) => ({ year }),
  'disclosure.columns': () => undefined,
  'disclosure.publications': ({ year }) => ({ year }),
  'disclosure.publicationStats': ({ year }) => ({ year }),
  'disclosure.requests': ({ year }) => ({ year }),
  'disclosure.reviews': ({ year }) => ({ year }),
  'disclosure.report': ({ year }) => ({ year }),
  'disclosure.reportFigures': ({ year }) => ({ year }),
  'disclosure.settings': () => undefined,
  'disclosure.home': () => undefined,
  'selfcheck.get': ({ year }) => ({ year }),
  'selfcheck.report': ({ year }) => ({ year }),
  'selfcheck.evidenceOptions': ({ year }) => ({ year, kind: EVIDENCE_KINDS[0] }),
  'selfcheck.suggestEvidence': ({ indicator }) => ({ indicatorId: indicator }),
  'selfcheck.indicatorUsage': ({ indicator }) => ({ id: indicator }),
  'lookback.get': ({ year }) => ({ year }),
  'rectification.list': ({ year }) => ({ year }),
  'summary.get': ({ year }) => ({ year }),
  'summary.figures': ({ year }) => ({ year }),
  'summary.dashboard': ({ year }) => ({ year }),
  'yearcheck.findings': ({ year }) => ({ year }),
  'yearcheck.forExport': ({ year }) => ({ year, kind: 'summary-docx' }),
};

const openWorkstation = workstationsPerTest();

describe('the methods listed as reads', () => {
  it('each has an input here', () => {
    expect([...READ_METHODS].sort()).toEqual(Object.keys(INPUTS).sort());
  });

  it('each answers on the example year and leaves the data file exactly as it was', async () => {
    const t = await openWorkstation({ setup: false });
    await loadDemo(t.ws.context());
    // Seen from a connection of its own: its data_version moves when any other connection commits.
    const watcher = new Database(t.dbPath, { readonly: true });
    try {
      const one = (sql: string) => Object.values(watcher.prepare(sql).get() as Record<string, unknown>)[0] as number;
      const year = Number(one(`SELECT value FROM setting WHERE key = 'app.currentYear'`));
      const ids: Ids = {
        year,
        document: one('SELECT min(id) FROM source_document'),
        task: one('SELECT min(id) FROM plan_task'),
        training: one('SELECT min(id) FROM training'),
        post: one('SELECT min(id) FROM ab_post'),
        indicator: one('SELECT min(id) FROM sc_indicator'),
      };
      const version = () => watcher.pragma('data_version', { simple: true });
      const before = version();
      for (const method of READ_METHODS) {
        await expect(t.call(method as Method, INPUTS[method](ids) as never), method).resolves.toBeDefined();
        expect(version(), `${method} wrote to the data file`).toBe(before);
      }
    } finally {
      watcher.close();
    }
  });
});

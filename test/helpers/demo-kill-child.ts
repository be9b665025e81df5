// Child process for the demo kill test: runs the real demo with one extra last step that says "now" and waits,
// so the parent can SIGKILL it after every real step has written its rows (inside the one transaction).
import { demoSteps, loadDemo } from '../../main/services/demo';
import { Workstation } from '../../main/services/workstation';
import { areaServices } from '../../main/areas';

const dbPath = process.argv[2];
const ws = new Workstation({
  dbPath,
  host: 'cli',
  autoBackup: false,
  areas: areaServices,
  files: {
    deliver: async () => {
      throw new Error('none');
    },
  },
}).open();
void loadDemo(ws.context(), [
  ...(await demoSteps(ws.context())),
  {
    name: 'wait to be killed',
    async run(ctx) {
      const n = (ctx.raw.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
      process.stdout.write(`WRITTEN ${n}\n`);
      // Waits with a timer that holds the process open: a bare never-settling promise does not, and the process then
      // ended by itself (its exit handler giving the lock back) before the parent's kill, now and then.
      await new Promise(() => setInterval(() => undefined, 60_000));
      return [];
    },
  },
]);

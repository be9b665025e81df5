// Child process for the writer-lock race: tries to take the lock of a data file once, says whether it won, holds a
// won lock until its parent closes stdin, then gives it back.
import { acquireWriterLock } from '../../main/db/writer-lock';

const got = acquireWriterLock(process.argv[2], 'cli', 'race');
process.stdout.write(got.acquired ? `WON ${process.pid}\n` : `HELD ${got.holder.pid}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  if (got.acquired) got.lock.release();
  process.exit(0);
});

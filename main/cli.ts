// Command-line entry (plain Node, no Electron): npm run cli -- <command> [--db <file>] ...
import { runCli } from './cli/run';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

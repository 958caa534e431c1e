// A child process for the log tests: creates a log once the test says "go" on stdin (so that many
// can race for one folder), and prints "created" or the error's code.
import { writeSync } from 'node:fs';
import { initLog } from '../../host/tlog/index.ts';
import { loadPrivateKey } from '../../host/audit/keys.ts';

const [dir, keyFile, origin] = process.argv.slice(2) as [string, string, string];
const key = await loadPrivateKey(keyFile);
writeSync(1, 'ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
try {
  initLog(dir, key, origin);
  writeSync(1, 'created\n');
} catch (e) {
  writeSync(1, `${(e as { code?: string }).code ?? String(e)}\n`);
}
process.exit(0);

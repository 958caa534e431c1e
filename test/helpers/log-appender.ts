// A child process for the crash test: appends entries to a log forever, printing "<index> <hex>"
// only after each append has returned. The test kills it with SIGKILL at random moments.
import { writeSync } from 'node:fs';
import { appendEntry } from '../../host/tlog/index.ts';
import { loadPrivateKey } from '../../host/audit/keys.ts';
import { sha256, toHex } from '../../traces/index.ts';

const [dir, keyFile, tag] = process.argv.slice(2) as [string, string, string];
const key = await loadPrivateKey(keyFile);
for (let i = 0; ; i++) {
  const entry = sha256(Buffer.from(`${tag}/${i}`));
  const r = appendEntry(dir, entry, key);
  writeSync(1, `${r.index} ${toHex(entry)}\n`);
}

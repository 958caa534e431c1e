// A child process for the log tests: appends entries `<tag>/0`, `<tag>/1`, … to a log, printing
// "<index> <hex>" only after each append has returned (its acknowledgement). It prints "ready" once
// its key is loaded and starts on the first byte on stdin, so that a test can start many writers at
// the same instant. With a count it stops after that many appends; without one it runs until killed.
// A fifth argument is the lock's waitMs.
import { writeSync } from 'node:fs';
import { appendEntry } from '../../host/tlog/index.ts';
import { loadPrivateKey } from '../../host/audit/keys.ts';
import { sha256, toHex } from '../../traces/index.ts';

const [dir, keyFile, tag, count, waitMs] = process.argv.slice(2) as [string, string, string, string | undefined, string | undefined];
const key = await loadPrivateKey(keyFile);
writeSync(1, 'ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const limit = count === undefined ? Infinity : Number(count);
for (let i = 0; i < limit; i++) {
  const entry = sha256(Buffer.from(`${tag}/${i}`));
  const r = appendEntry(dir, entry, key, waitMs === undefined ? {} : { waitMs: Number(waitMs) });
  writeSync(1, `${r.index} ${toHex(entry)}\n`);
}
process.exit(0);

// A worker thread for the log tests: appends `<tag>/0` … `<tag>/<count - 1>` to a log and posts back
// the indexes its appends returned. Threads of one process share its pid: the lock must still keep
// them apart.
import { parentPort, workerData } from 'node:worker_threads';
import { appendEntry } from '../../host/tlog/index.ts';
import { loadPrivateKey } from '../../host/audit/keys.ts';
import { sha256 } from '../../traces/index.ts';

const { log, keyFile, tag, count } = workerData as { log: string; keyFile: string; tag: string; count: number };
const key = await loadPrivateKey(keyFile);
const indexes: number[] = [];
for (let i = 0; i < count; i++) indexes.push(appendEntry(log, sha256(Buffer.from(`${tag}/${i}`)), key).index);
parentPort!.postMessage(indexes);

// Worker side of ParallelChunker: hashes slots in order as they are handed over.
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { TraceChunker } from './chunker.ts';

const { control, data, port, chunkSize, slots, slotBytes } = workerData as {
  control: Int32Array; data: Uint8Array; port: MessagePort; chunkSize: number; slots: number; slotBytes: number;
};
const WRITTEN = 0, READ = 1, DONE = 2, ACK = 3, LENGTHS = 4;
const chunker = new TraceChunker(chunkSize);
let read = 0;
try {
  for (;;) {
    const written = Atomics.load(control, WRITTEN);
    if (read === written) {
      if (Atomics.load(control, DONE) === 1 && Atomics.load(control, WRITTEN) === read) break;
      Atomics.wait(control, WRITTEN, written, 50);
      continue;
    }
    const slot = read % slots;
    chunker.write(data.subarray(slot * slotBytes, slot * slotBytes + Atomics.load(control, LENGTHS + slot)));
    read++;
    Atomics.store(control, READ, read);
    Atomics.notify(control, READ);
  }
  const c = chunker.finish();
  port.postMessage({ root: c.root, leafHashes: c.leafHashes, byteLength: c.byteLength });
} catch (e) {
  port.postMessage({ error: (e as Error).stack ?? String(e) });
}
Atomics.store(control, ACK, 1);
Atomics.notify(control, ACK);

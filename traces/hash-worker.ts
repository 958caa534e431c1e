// Worker side of ParallelChunker: hashes whatever slot the writer has sealed, for as many runs as
// the pool lends it to (it never returns to its event loop; an idle worker sleeps in Atomics.wait).
// Imports only node:crypto, so it starts fast. Layout and states: parallel-chunker.ts.
import { createHash } from 'node:crypto';
import { workerData } from 'node:worker_threads';

const { control, data, digests, slots } = workerData as { control: Int32Array; data: Uint8Array; digests: Uint8Array; slots: number };
const SEALS = 0, CHUNK = 1, LEAVES = 2, STATE = 3, LENGTH = 3 + slots;
const SEALED = 1, CLAIMED = 2, HASHED = 3, FAILED = 4;
const MAX_LEAVES = digests.length / 32 / slots;
const LEAF_PREFIX = new Uint8Array([0x00]);

for (;;) {
  const seen = Atomics.load(control, SEALS);
  let slot = -1;
  for (let s = 0; s < slots; s++)
    if (Atomics.compareExchange(control, STATE + s, SEALED, CLAIMED) === SEALED) {
      slot = s;
      break;
    }
  if (slot < 0) {
    Atomics.wait(control, SEALS, seen);
    continue;
  }
  try {
    const chunk = Atomics.load(control, CHUNK);
    const base = slot * chunk * Atomics.load(control, LEAVES);
    const length = Atomics.load(control, LENGTH + slot);
    for (let at = 0, leaf = slot * MAX_LEAVES; at < length; at += chunk, leaf++)
      digests.set(createHash('sha256').update(LEAF_PREFIX).update(data.subarray(base + at, base + Math.min(at + chunk, length))).digest(), leaf * 32);
    Atomics.store(control, STATE + slot, HASHED);
  } catch {
    Atomics.store(control, STATE + slot, FAILED);
  }
  Atomics.notify(control, STATE + slot);
}

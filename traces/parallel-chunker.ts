/**
 * @module traces/parallel-chunker
 * The same commitment as TraceChunker, with the hashing shared with a worker thread so it overlaps
 * the guest's execution when a core is free, and costs no more than hashing inline when none is.
 *
 * `write` copies the stream into a ring of shared slots, each a whole number of leaves (so a slot's
 * leaves are independent of every other slot's), and seals a slot when it is full. The worker hashes
 * sealed slots as it can. When the writer needs a slot and none is free it never waits: it takes a
 * sealed slot the worker has not claimed and hashes it itself. Leaf hashes land at their index
 * whoever computed them, so the leaves, the root and the byte count are exactly TraceChunker's.
 * The bytes are copied out of the caller's buffer before `write` returns: nothing the caller does
 * afterwards can change what is hashed.
 *
 * Workers are pooled: one is started (or taken idle from the pool) when a chunker is made, so it
 * boots while the guest is instantiated, and goes back to the pool at `finish`. A chunker dropped
 * without `finish` (a run that failed) has its worker terminated when it is collected.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_CHUNK_SIZE, TraceChunker, type TraceCommitment } from './chunker.ts';
import { hashLeaf } from './hash.ts';
import { rootFromLeafHashes } from './merkle.ts';

// The worker's entry beside this module, with its extension: .ts in the repository, .js in the installed package.
const hashWorkerUrl = new URL(import.meta.url.endsWith('.ts') ? './hash-worker.ts' : './hash-worker.js', import.meta.url);

const SLOTS = 4;
/** Leaves per slot at most (1 MiB of 64 KiB leaves), and the bytes a slot aims at. */
const MAX_LEAVES = 16;
const SLOT_TARGET = 1 << 20;
// Control words: the count of seals (the worker sleeps on it), the chunk size, leaves per slot,
// then each slot's state and each slot's byte length.
const SEALS = 0, CHUNK = 1, LEAVES = 2, STATE = 3, LENGTH = 3 + SLOTS;
// Slot states. A slot being filled is FREE (only the writer touches it).
const FREE = 0, SEALED = 1, CLAIMED = 2, HASHED = 3, FAILED = 4;

interface HashWorker {
  worker: Worker;
  control: Int32Array;
  data: Uint8Array;
  digests: Uint8Array;
}

const idle: HashWorker[] = [];
const MAX_IDLE = 2;
const dropped = new FinalizationRegistry<Worker>((worker) => void worker.terminate());

function slotBytesFor(chunkSize: number): number {
  return chunkSize * Math.max(1, Math.min(MAX_LEAVES, Math.floor(SLOT_TARGET / chunkSize)));
}

function acquire(slotBytes: number): HashWorker {
  const i = idle.findIndex((w) => w.data.length >= SLOTS * slotBytes);
  if (i >= 0) return idle.splice(i, 1)[0]!;
  const control = new Int32Array(new SharedArrayBuffer(4 * (STATE + 2 * SLOTS)));
  const data = new Uint8Array(new SharedArrayBuffer(SLOTS * Math.max(slotBytes, SLOT_TARGET)));
  const digests = new Uint8Array(new SharedArrayBuffer(SLOTS * MAX_LEAVES * 32));
  const worker = new Worker(hashWorkerUrl, { workerData: { control, data, digests, slots: SLOTS } });
  worker.unref();
  return { worker, control, data, digests };
}

function release(w: HashWorker): void {
  if (idle.length < MAX_IDLE) idle.push(w);
  else void w.worker.terminate();
}

/** Starts a hash worker ahead of a run (e.g. while a module compiles), so the first chunker finds it booted. */
export function prewarmHashWorker(chunkSize: number = DEFAULT_CHUNK_SIZE): void {
  if (!idle.some((w) => w.data.length >= SLOTS * slotBytesFor(chunkSize))) idle.push(acquire(slotBytesFor(chunkSize)));
}

export class ParallelChunker {
  readonly chunkSize: number;
  private readonly slotBytes: number;
  private readonly leavesPerSlot: number;
  private hw: HashWorker | null;
  private readonly leafHashes: Uint8Array[] = [];
  /** Which run of slots each ring slot holds (its first leaf is that times leavesPerSlot). */
  private readonly sequence = new Array<number>(SLOTS).fill(0);
  private sealed = 0;
  private current = -1;
  private filled = 0;
  private total = 0;

  constructor(chunkSize: number = DEFAULT_CHUNK_SIZE) {
    new TraceChunker(chunkSize); // validates the size the same way
    this.chunkSize = chunkSize;
    this.slotBytes = slotBytesFor(chunkSize);
    this.leavesPerSlot = this.slotBytes / chunkSize;
    this.hw = acquire(this.slotBytes);
    // Every slot of a worker back from the pool is FREE (finish leaves it so).
    Atomics.store(this.hw.control, CHUNK, chunkSize);
    Atomics.store(this.hw.control, LEAVES, this.leavesPerSlot);
    dropped.register(this, this.hw.worker, this);
  }

  /** Appends bytes to the stream; they are copied (or hashed) before it returns. */
  write(bytes: Uint8Array): void {
    const hw = this.live();
    for (let at = 0; at < bytes.length; ) {
      if (this.current < 0) this.current = this.freeSlot(hw);
      const take = Math.min(this.slotBytes - this.filled, bytes.length - at);
      hw.data.set(bytes.subarray(at, at + take), this.current * this.slotBytes + this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.slotBytes) this.seal(hw);
    }
    this.total += bytes.length;
  }

  private live(): HashWorker {
    if (!this.hw) throw new Error('ParallelChunker used after finish');
    return this.hw;
  }

  private seal(hw: HashWorker): void {
    const s = this.current;
    this.sequence[s] = this.sealed++;
    Atomics.store(hw.control, LENGTH + s, this.filled);
    Atomics.store(hw.control, STATE + s, SEALED);
    Atomics.add(hw.control, SEALS, 1);
    Atomics.notify(hw.control, SEALS);
    this.current = -1;
    this.filled = 0;
  }

  /** A slot to fill: a free one, one the worker has hashed (its leaves taken), or a sealed one hashed here. */
  private freeSlot(hw: HashWorker): number {
    for (let s = 0; s < SLOTS; s++) {
      const state = Atomics.load(hw.control, STATE + s);
      if (state === FREE) return s;
      if (state === HASHED || state === FAILED) return this.collect(hw, s);
    }
    for (let s = 0; s < SLOTS; s++)
      if (Atomics.compareExchange(hw.control, STATE + s, SEALED, FREE) === SEALED) {
        this.hashHere(hw, s, Atomics.load(hw.control, LENGTH + s), this.sequence[s]!);
        return s;
      }
    // Every other slot is the worker's (only possible with fewer than three slots): wait for one.
    return this.collect(hw, this.waitFor(hw, 0));
  }

  private waitFor(hw: HashWorker, s: number): number {
    for (let state = Atomics.load(hw.control, STATE + s); state === CLAIMED; state = Atomics.load(hw.control, STATE + s))
      Atomics.wait(hw.control, STATE + s, CLAIMED);
    return s;
  }

  /** Takes the leaf hashes the worker wrote for slot `s` and frees it. */
  private collect(hw: HashWorker, s: number): number {
    if (Atomics.load(hw.control, STATE + s) === FAILED) throw new Error('trace hash worker failed');
    const leaves = Math.ceil(Atomics.load(hw.control, LENGTH + s) / this.chunkSize);
    const first = this.sequence[s]! * this.leavesPerSlot;
    for (let k = 0; k < leaves; k++) this.leafHashes[first + k] = hw.digests.slice((s * MAX_LEAVES + k) * 32, (s * MAX_LEAVES + k + 1) * 32);
    Atomics.store(hw.control, STATE + s, FREE);
    return s;
  }

  private hashHere(hw: HashWorker, s: number, length: number, sequence: number): void {
    const base = s * this.slotBytes;
    const first = sequence * this.leavesPerSlot;
    for (let at = 0, k = 0; at < length; at += this.chunkSize, k++)
      this.leafHashes[first + k] = hashLeaf(hw.data.subarray(base + at, base + Math.min(at + this.chunkSize, length)));
  }

  /** Hashes what is left, waits for the worker's slots and returns the commitment; the worker goes back to the pool. */
  finish(): TraceCommitment {
    const hw = this.live();
    if (this.current >= 0) this.hashHere(hw, this.current, this.filled, this.sealed);
    this.current = -1;
    for (let s = 0; s < SLOTS; s++) {
      if (s === this.current) continue;
      if (Atomics.compareExchange(hw.control, STATE + s, SEALED, FREE) === SEALED) this.hashHere(hw, s, Atomics.load(hw.control, LENGTH + s), this.sequence[s]!);
      const state = Atomics.load(hw.control, STATE + this.waitFor(hw, s));
      if (state === HASHED || state === FAILED) this.collect(hw, s);
    }
    this.hw = null;
    dropped.unregister(this);
    release(hw);
    return { root: rootFromLeafHashes(this.leafHashes), leafHashes: this.leafHashes, byteLength: this.total, chunkSize: this.chunkSize };
  }
}

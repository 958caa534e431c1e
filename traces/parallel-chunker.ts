/**
 * @module traces/parallel-chunker
 * The same commitment as TraceChunker, with the hashing on a worker thread so it overlaps the
 * guest's execution. `write` copies into a ring of shared slots and returns (blocking only when
 * the ring is full); `finish` waits for the worker and returns its commitment. Synchronous from
 * the caller's side (Atomics.wait + receiveMessageOnPort), so the sandbox's flush stays a plain call.
 * The bytes and their cut into leaves are exactly TraceChunker's: the worker runs a TraceChunker.
 */
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { DEFAULT_CHUNK_SIZE, TraceChunker, type TraceCommitment } from './chunker.ts';

// The worker's entry beside this module, with its extension: .ts in the repository, .js in the installed package.
const hashWorkerUrl = new URL(import.meta.url.endsWith('.ts') ? './hash-worker.ts' : './hash-worker.js', import.meta.url);

const SLOTS = 4;
const SLOT_BYTES = 1 << 20;
// Control words.
const WRITTEN = 0; // slots handed to the worker so far
const READ = 1; // slots the worker has hashed so far
const DONE = 2; // 1 when no more writes will come
const ACK = 3; // 1 when the worker has posted its commitment
const LENGTHS = 4; // SLOTS words: bytes in each slot

export class ParallelChunker {
  readonly chunkSize: number;
  private worker: Worker | null = null;
  private port: import('node:worker_threads').MessagePort | null = null;
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * (LENGTHS + SLOTS)));
  private readonly data = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT_BYTES));
  private written = 0;

  constructor(chunkSize: number = DEFAULT_CHUNK_SIZE) {
    new TraceChunker(chunkSize); // validates the size the same way
    this.chunkSize = chunkSize;
  }

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(hashWorkerUrl, {
      workerData: { control: this.control, data: this.data, port: port2, chunkSize: this.chunkSize, slots: SLOTS, slotBytes: SLOT_BYTES },
      transferList: [port2],
    });
    this.worker.unref();
  }

  write(bytes: Uint8Array): void {
    if (!this.worker) this.start();
    const c = this.control;
    for (let at = 0; at < bytes.length; at += SLOT_BYTES) {
      const piece = bytes.subarray(at, Math.min(at + SLOT_BYTES, bytes.length));
      // Wait for a free slot.
      for (;;) {
        const read = Atomics.load(c, READ);
        if (this.written - read < SLOTS) break;
        Atomics.wait(c, READ, read);
      }
      const slot = this.written % SLOTS;
      this.data.set(piece, slot * SLOT_BYTES);
      Atomics.store(c, LENGTHS + slot, piece.length);
      this.written++;
      Atomics.store(c, WRITTEN, this.written);
      Atomics.notify(c, WRITTEN);
    }
  }

  finish(): TraceCommitment {
    if (!this.worker) return new TraceChunker(this.chunkSize).finish();
    const c = this.control;
    Atomics.store(c, DONE, 1);
    Atomics.notify(c, WRITTEN);
    while (Atomics.load(c, ACK) === 0) Atomics.wait(c, ACK, 0);
    const msg = receiveMessageOnPort(this.port!);
    void this.worker.terminate();
    this.port!.close();
    if (!msg) throw new Error('hash worker ended without a commitment');
    const m = msg.message as { root: Uint8Array; leafHashes: Uint8Array[]; byteLength: number; error?: string };
    if (m.error) throw new Error(`hash worker failed: ${m.error}`);
    return { root: m.root, leafHashes: m.leafHashes, byteLength: m.byteLength, chunkSize: this.chunkSize };
  }
}

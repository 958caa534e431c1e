/**
 * @module traces/chunker
 * Cuts a trace byte stream into fixed-size chunks and hashes each as an RFC 9162 leaf while the
 * stream is written, so the trace itself never has to be held in memory. The chunk boundaries
 * depend only on the stream and `chunkSize`, never on how the writer happened to split its writes.
 */
import { createHash, type Hash } from 'node:crypto';
import { rootFromLeafHashes } from './merkle.ts';

/** Default leaf size: 64 KiB of trace records. Recorded in every audit record. */
export const DEFAULT_CHUNK_SIZE = 65536;

const LEAF_PREFIX = new Uint8Array([0x00]);

export interface TraceCommitment {
  /** RFC 9162 root over the leaf hashes. */
  root: Uint8Array;
  /** One 32-byte leaf hash per chunk, in order. */
  leafHashes: Uint8Array[];
  /** Total trace bytes written. */
  byteLength: number;
  chunkSize: number;
}

export class TraceChunker {
  readonly chunkSize: number;
  private readonly leafHashes: Uint8Array[] = [];
  private current: Hash | null = null;
  private filled = 0;
  private total = 0;

  constructor(chunkSize: number = DEFAULT_CHUNK_SIZE) {
    if (!Number.isInteger(chunkSize) || chunkSize < 4 || chunkSize % 4 !== 0)
      throw new RangeError(`chunk size ${chunkSize} must be a positive multiple of 4`);
    this.chunkSize = chunkSize;
  }

  /** Appends bytes to the stream. `bytes` may be a view into guest memory: it is hashed before returning. */
  write(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      if (this.current === null) this.current = createHash('sha256').update(LEAF_PREFIX);
      const take = Math.min(this.chunkSize - this.filled, bytes.length - at);
      this.current.update(bytes.subarray(at, at + take));
      this.filled += take;
      at += take;
      if (this.filled === this.chunkSize) this.closeLeaf();
    }
    this.total += bytes.length;
  }

  private closeLeaf(): void {
    this.leafHashes.push(new Uint8Array(this.current!.digest()));
    this.current = null;
    this.filled = 0;
  }

  /** Closes the last (possibly short) chunk and returns the commitment. */
  finish(): TraceCommitment {
    if (this.filled > 0) this.closeLeaf();
    return {
      root: rootFromLeafHashes(this.leafHashes),
      leafHashes: this.leafHashes,
      byteLength: this.total,
      chunkSize: this.chunkSize,
    };
  }
}

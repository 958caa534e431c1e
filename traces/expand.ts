/**
 * @module traces/expand
 * Expands the compact trace (docs/TRACE.md) into the per-instruction trace: for every executed
 * instruction, its function index, byte offset in the original module, opcode, operand-stack height
 * before it, and — for loads and stores — its effective address. The expansion needs the module's
 * static map (regions and their instructions), which `backproof/sandbox`'s `staticMap` computes.
 */
import { TraceError } from './errors.ts';

/** Static facts of an instrumented module. Region arrays are indexed by region id − 1. */
export interface StaticMap {
  /** Index of each region's first instruction in the instruction arrays. */
  regionFirst: Uint32Array;
  regionInstructions: Uint32Array;
  /** Address words each region record carries after its id. */
  regionMemAccesses: Uint32Array;
  /** Per live instruction, in function order. */
  func: Uint32Array;
  offset: Uint32Array;
  /** Opcode; prefixed opcodes as (prefix << 8) | subopcode. */
  opcode: Uint32Array;
  stackHeight: Uint32Array;
  /** Static offset of a load/store; -1 for other instructions. */
  memOffset: Float64Array;
  /** For a load/store: which of its region's address words holds its address operand. */
  memSlot: Int32Array;
}

export interface InstructionRecord {
  /** 0-based position in the run's instruction sequence. */
  index: number;
  func: number;
  offset: number;
  opcode: number;
  stackHeight: number;
  /** Effective address (address operand + static offset) of a load/store, else null. */
  address: number | null;
}

/**
 * Incremental expander: push trace bytes as they are produced; `visit` is called for every
 * instruction whose index is in [from, to). The record object passed to `visit` is reused.
 */
export class TraceExpander {
  private readonly map: StaticMap;
  private readonly from: number;
  private readonly to: number;
  private readonly visit: (r: InstructionRecord) => void;
  private readonly rec: InstructionRecord = { index: 0, func: 0, offset: 0, opcode: 0, stackHeight: 0, address: null };
  private carry = new Uint8Array(4);
  private carried = 0;
  private region = 0; // region being collected, 0 = expecting a region id
  /** Words left in a host record (after its leading 0), and the record so far. */
  private hostLeft = 0;
  private host: number[] = [];
  /** Called with each host record: [kind, …payload words]. Kind 1 = state snapshot [1, bar, 0, hash×8]. */
  onHostRecord: ((words: number[]) => void) | null = null;
  private addresses: number[] = [];
  /** Instructions expanded so far (the index of the next one). */
  count = 0;
  /** Bytes consumed. */
  bytes = 0;
  /** Words consumed, and the stream word index of the region being emitted (its id word): where a visited record sits. */
  words = 0;
  regionWord = 0;

  constructor(map: StaticMap, visit: (r: InstructionRecord) => void, from = 0, to = Number.MAX_SAFE_INTEGER) {
    this.map = map;
    this.visit = visit;
    this.from = from;
    this.to = to;
  }

  push(bytes: Uint8Array): void {
    let at = 0;
    while (this.carried > 0 && at < bytes.length) {
      this.carry[this.carried++] = bytes[at++]!;
      if (this.carried === 4) {
        this.carried = 0;
        this.word(this.carry[0]! | (this.carry[1]! << 8) | (this.carry[2]! << 16) | (this.carry[3]! << 24));
      }
    }
    const words = Math.floor((bytes.length - at) / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, words * 4);
    for (let i = 0; i < words; i++) this.word(view.getUint32(i * 4, true));
    at += words * 4;
    while (at < bytes.length) this.carry[this.carried++] = bytes[at++]!;
    this.bytes += bytes.length;
  }

  private word(w: number): void {
    this.words++;
    const map = this.map;
    if (this.hostLeft !== 0) return this.hostWord(w >>> 0);
    if (this.region === 0 && w === 0) {
      this.hostLeft = -1; // a host record: its kind comes next
      return;
    }
    if (this.region === 0) {
      const id = w >>> 0;
      if (id === 0 || id > map.regionFirst.length)
        throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: ${id} is not a region id (the module has ${map.regionFirst.length})`);
      this.region = id;
      this.regionWord = this.words - 1;
      this.addresses.length = 0;
    } else {
      this.addresses.push(w >>> 0);
    }
    if (this.addresses.length === map.regionMemAccesses[this.region - 1]) this.emitRegion();
  }

  private hostWord(w: number): void {
    if (this.hostLeft === -1) {
      if (w !== 1) throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: unknown host record kind ${w}`);
      this.host = [w];
      this.hostLeft = 10; // bar, reserved, 8 hash words
      return;
    }
    this.host.push(w);
    if (--this.hostLeft === 0) {
      this.onHostRecord?.(this.host);
      this.host = [];
    }
  }

  private emitRegion(): void {
    const map = this.map;
    const r = this.region - 1;
    const n = map.regionInstructions[r]!;
    const start = this.count;
    this.count += n;
    this.region = 0;
    if (this.count <= this.from || start >= this.to) return;
    const first = map.regionFirst[r]!;
    const rec = this.rec;
    for (let k = 0; k < n; k++) {
      const i = first + k;
      const memOffset = map.memOffset[i]!;
      const address = memOffset >= 0 ? this.addresses[map.memSlot[i]!]! + memOffset : null;
      const index = start + k;
      if (index < this.from || index >= this.to) continue;
      rec.index = index;
      rec.func = map.func[i]!;
      rec.offset = map.offset[i]!;
      rec.opcode = map.opcode[i]!;
      rec.stackHeight = map.stackHeight[i]!;
      rec.address = address;
      this.visit(rec);
    }
  }

  /** True when the stream ended on a record boundary (false after a trap mid-region). */
  get complete(): boolean {
    return this.region === 0 && this.carried === 0 && this.hostLeft === 0;
  }
}

/** Expands a whole trace stream into an array of records (for small traces and tests). */
export function expandTrace(stream: Uint8Array, map: StaticMap, from = 0, count = Number.MAX_SAFE_INTEGER): InstructionRecord[] {
  const out: InstructionRecord[] = [];
  const ex = new TraceExpander(map, (r) => out.push({ ...r }), from, from + count);
  ex.push(stream);
  return out;
}

/**
 * @module traces/trace-map
 * What an expander reads a trace with: the module's static map (instructions, regions and, for
 * format 5, each region's successors), the records it produces, and where a stopped run ended.
 */
/** How a region ends (format 5's successor rules; docs/TRACE.md). */
export const EXIT_JUMP = 0;
/** br_if / if: one branch bit; 1 = taken. */
export const EXIT_COND = 1;
/** br_table: one word, the index. */
export const EXIT_TABLE = 2;
export const EXIT_CALL = 3;
/** call_indirect: one word, the callee's function index + 1 (0: an imported function). */
export const EXIT_INDIRECT = 4;
/** unreachable: always traps. */
export const EXIT_TRAP = 5;

/** Whether a trace format has keyframes and a keyframe table (docs/TRACE.md, "Format 6"): 6 and 8. */
export function hasKeyframes(format: number): boolean {
  return format === 6 || format === 8;
}

/**
 * u32 words of one address predictor slot's state, as keyframes list them: formats 5 and 6 (last
 * address, last stride), format 8 (last address, last stride, the stride before it; docs/TRACE.md, "Format 8").
 */
export function predictorWords(format: number): number {
  return format === 8 ? 3 : 2;
}

/** Static facts of an instrumented module. Region arrays are indexed by region id − 1. */
export interface StaticMap {
  /** The trace format the module was instrumented for (4, 5, 6 or 8). */
  format: number;
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
  /** Per region, its last instruction's kind of exit (EXIT_*) and successors: region ids, 0 = the function returns. */
  exitKind: Uint8Array;
  /** JUMP: the successor; COND: the successor when not taken; CALL/INDIRECT: the region after the call. */
  exitNext: Int32Array;
  /** COND: the successor when taken; TABLE: the number of targets (the default last). */
  exitTaken: Int32Array;
  /** CALL: the callee's function index. */
  exitCallee: Int32Array;
  /** TABLE: where the region's targets start in exitTables. */
  exitTableStart: Uint32Array;
  exitTables: Int32Array;
  /** Per function index: the region its body starts with (0: an imported function). */
  funcEntry: Int32Array;
  /** The deepest call nesting the module was instrumented to allow. */
  maxCallDepth: number;
}

/** What both formats' expanders keep (TraceExpander's state, read through it). */
export abstract class ExpanderCore {
  protected readonly map: StaticMap;
  protected readonly from: number;
  protected readonly to: number;
  protected readonly visit: (r: InstructionRecord) => void;
  protected readonly onHostRecord: (words: number[]) => void;
  /** The record passed to `visit` (reused). */
  protected readonly rec: InstructionRecord = { index: 0, func: 0, offset: 0, opcode: 0, stackHeight: 0, address: null };
  protected readonly splitter = new WordSplitter();
  /** The stop the stream ended with, once read; nothing may follow it. */
  stop: TraceStop | null = null;
  /** Instructions expanded so far (the index of the next one). */
  count = 0;
  /** Bytes pushed. */
  bytes = 0;
  /**
   * Words consumed, and where a visited record sits: format 4, the stream word index of its region
   * record (the id word); format 5, the words pushed when it was emitted (the data that shows it ran).
   */
  words = 0;
  regionWord = 0;
  /** Formats 6 and 8: the keyframes read, each with its stream word and the instructions before it. */
  readonly keyframes: { word: number; count: number }[] = [];
  /** Formats 5 and 6: calls nested inside the function the host entered (0: in it). Format 4 does not follow calls: -1. */
  get callDepth(): number {
    return -1;
  }

  constructor(map: StaticMap, visit: (r: InstructionRecord) => void, from: number, to: number, onHostRecord: (words: number[]) => void) {
    this.map = map;
    this.visit = visit;
    this.from = from;
    this.to = to;
    this.onHostRecord = onHostRecord;
  }

  /** Visits instruction `i` of the static map as the run's instruction `index`, when the window holds it. */
  protected emit(index: number, i: number, address: number | null): void {
    if (index < this.from || index >= this.to) return;
    const map = this.map, rec = this.rec;
    rec.index = index;
    rec.func = map.func[i]!;
    rec.offset = map.offset[i]!;
    rec.opcode = map.opcode[i]!;
    rec.stackHeight = map.stackHeight[i]!;
    rec.address = address;
    this.visit(rec);
  }

  abstract push(bytes: Uint8Array): void;
  abstract end(): void;
  abstract get complete(): boolean;
}

/** Where a stopped run's trace ends. */
export interface TraceStop {
  /** Region id the run stopped in, and how many of its instructions ran (0: where is unknown). */
  region: number;
  ran: number;
  /** 1: a trap; 2: fuel ran out on a bulk operation's size charge. */
  cause: number;
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

/** Cuts a byte stream, pushed in pieces of any size, into its little-endian u32 words. */
export class WordSplitter {
  private readonly carry = new Uint8Array(4);
  /** Bytes of an unfinished word held over to the next piece. */
  carried = 0;

  split(bytes: Uint8Array, word: (w: number) => void): void {
    let at = 0;
    while (this.carried > 0 && at < bytes.length) {
      this.carry[this.carried++] = bytes[at++]!;
      if (this.carried === 4) {
        this.carried = 0;
        word((this.carry[0]! | (this.carry[1]! << 8) | (this.carry[2]! << 16) | (this.carry[3]! << 24)) >>> 0);
      }
    }
    const words = Math.floor((bytes.length - at) / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, words * 4);
    for (let i = 0; i < words; i++) word(view.getUint32(i * 4, true));
    at += words * 4;
    while (at < bytes.length) this.carry[this.carried++] = bytes[at++]!;
  }
}

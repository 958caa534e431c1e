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

/** Static facts of an instrumented module. Region arrays are indexed by region id − 1. */
export interface StaticMap {
  /** The trace format the module was instrumented for (4 or 5). */
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
export interface ExpanderCore {
  push(bytes: Uint8Array): void;
  end(): void;
  readonly complete: boolean;
  stop: TraceStop | null;
  count: number;
  bytes: number;
  words: number;
  regionWord: number;
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

/**
 * @module inspect/reexecute
 * Re-executing a recorded run for the audit tools (divergence, proofs, trace, snapshots): the run
 * folder's inputs (module, data at the recorded paths, config), and a re-execution — wired as the run
 * was (run/wire), on a guest thread like the run (run/worker) — that streams the trace through the
 * expander, notes which callback each instruction ran in, keeps a window of trace bytes and stops as
 * soon as the caller has what it needs. Its options are data, so they cross to the thread.
 */
import { createHash } from 'node:crypto';
import { AuditError, DataError } from '../errors.ts';
import { openData, type DataFeed } from '../data/load.ts';
import { standInPaths, type DataStandIns } from '../data/stand-in.ts';
import type { GuestPort } from '../engine/ports.ts';
import { compileGuest } from '../sandbox/index.ts';
import { equalBytes, fromHex, sha256, toHex, TraceExpander, SNAPSHOT_WORDS, type InstructionRecord, type StaticMap, type TraceCommitment } from '../../traces/index.ts';
import { sandboxConfigFor, type RunConfig } from '../run/config.ts';
import { wire } from '../run/wire.ts';
import { inGuestThread, openPortableFeeds, portableFeeds, type PortableFeed } from '../run/worker.ts';
import { FILES, readRunFile } from '../run/rundir.ts';
import { configFromRecord, dataOptionsFromRecord, openRecord, recordedInstrumenter, type OpenedRecord, type RecordedDataFile } from './opened-record.ts';

/** A run folder's record and the inputs it names. */
export interface RecordedRun {
  dir: string;
  record: OpenedRecord;
  config: RunConfig;
  wasm: Uint8Array;
  /** The stored leaf hashes (checked against the record). */
  leafHashes: Uint8Array[];
  files: RecordedDataFile[];
  /** The instrumenter the run was made under (its toolchain link): re-executions use it, and its trace format. */
  instrumenter: string;
}

export async function loadRecordedRun(dir: string): Promise<RecordedRun> {
  const record = await openRecord(dir, null);
  const wasm = await readRunFile(dir, FILES.wasm, 'strategy');
  if (!equalBytes(record.bodies.strategy.wasmSha256 as Uint8Array, sha256(wasm)))
    throw new AuditError('VERIFY_FAILED', 'strategy', `${FILES.wasm} in ${dir} is not the recorded module`);
  const leavesRaw = await readRunFile(dir, FILES.leaves, 'trace');
  if (!equalBytes(record.bodies.trace.leafHashesSha256 as Uint8Array, sha256(leavesRaw)))
    throw new AuditError('VERIFY_FAILED', 'trace', `${FILES.leaves} in ${dir} is not the recorded list of leaf hashes`);
  const leafHashes: Uint8Array[] = [];
  for (let i = 0; i + 32 <= leavesRaw.length; i += 32) leafHashes.push(leavesRaw.subarray(i, i + 32));
  return { dir, record, config: configFromRecord(record.bodies.config), wasm, leafHashes, files: record.bodies.data.files as RecordedDataFile[], instrumenter: recordedInstrumenter(record.bodies.toolchain) };
}

/**
 * Opens the recorded data (or the copies `dataPath` gives: data/stand-in). `matches` is false when a
 * file's hash is not the recorded one: the run it gives is not the recorded run.
 */
export async function openRecordedData(run: RecordedRun, dataPath?: DataStandIns): Promise<{ feeds: DataFeed[]; matches: boolean; notes: string[] }> {
  const feeds: DataFeed[] = [];
  const notes: string[] = [];
  const copies = standInPaths(run.files, dataPath, run.record.runId);
  for (const [k, f] of run.files.entries()) {
    const feed = await openData(copies[k] ?? f.path, dataOptionsFromRecord(f)).catch((e: unknown) => {
      if (!(e instanceof DataError && e.code === 'DATA_NOT_FOUND')) throw e;
      throw new DataError('DATA_NOT_FOUND', copies[k] !== undefined ? `${e.message} (the file given with --data)` : `${e.message} (the run read it there, relative to the folder it was run in; pass --data to point at a copy${run.files.length > 1 ? ', one per recorded file' : ''})`, { cause: e });
    });
    if (!equalBytes(fromHex(feed.sha256), f.sha256)) notes.push(`data ${feed.path} has SHA-256 ${feed.sha256}, the record says ${toHex(f.sha256)}`);
    if (f.symbol) feed.symbol = f.symbol;
    feeds.push(feed);
  }
  return { feeds, matches: notes.length === 0, notes };
}

/** Which host → guest call an instruction ran in. */
export interface CallSite {
  /** Index of the call's first instruction. */
  start: number;
  callback: 'init' | 'on_bar' | 'on_order' | 'on_trade';
  /** Event (merged bar) index: the bar being delivered, or for on_order/on_trade the bar they come before. */
  event: number;
  /** That bar's time (null for init) and its symbol. */
  time: bigint | null;
  symbol: string;
}

export interface ReexecuteOptions {
  wasm: Uint8Array;
  feeds: readonly DataFeed[];
  config: RunConfig;
  /** The instrumenter to run under: the run's recorded one (default: this installation's). */
  instrumenter?: string;
  /** Keep the trace bytes [keepFrom, stopAt) and stop the run once the stream reaches stopAt. */
  keepFrom?: number;
  stopAt?: number;
  /**
   * Also keep the bytes from tailFrom to the stream's end: the run then goes on past stopAt to its
   * end, and only bytes are kept (the stream is not expanded: no records, counts or keyframes).
   */
  tailFrom?: number;
  /** Records with index in [recordFrom, recordTo) are collected (copies); with stopWhenRecorded the run stops after the last. */
  recordFrom?: number;
  recordTo?: number;
  stopWhenRecorded?: boolean;
  /** Collect the host records (state snapshots); with stopAtSnapshot, stop after the one taken after that event. */
  hostRecords?: boolean;
  stopAtSnapshot?: number;
  /** Collect the orders the guest places with the call instruction that placed each; with stopAtOrder, stop once it is placed. */
  orders?: boolean;
  stopAtOrder?: number;
  /**
   * Run to the end and digest every instruction record, a SHA-256 per block of this many instructions
   * (block k: indices [k·n, (k+1)·n)): how two runs whose streams cannot be compared word by word
   * (two trace formats) are compared instruction by instruction without keeping the records.
   */
  digestEvery?: number;
}

/** An instruction record and the stream word index of its region record's first word. */
export type LocatedRecord = InstructionRecord & { word: number };

/** A host record (a state snapshot: [1, bar, 0, hash words…]) and the stream word where it starts. */
export interface HostRecord {
  words: number[];
  startWord: number;
}

export interface Reexecution {
  /** Trace bytes [keepFrom, end) where end ≤ stopAt. */
  kept: Uint8Array;
  keepFrom: number;
  /** With tailFrom: the trace bytes [tailFrom, the stream's end). */
  tail: Uint8Array;
  /** Formats 6 and 8: the keyframes read (stream word, instructions before it). */
  keyframes: { word: number; count: number }[];
  /** Stream bytes produced (up to where the run stopped). */
  streamBytes: number;
  /** Instructions expanded before each kept word: before[w] is the count before word keepFrom/4 + w. */
  countBeforeWord: Float64Array;
  records: LocatedRecord[];
  calls: CallSite[];
  hostRecords: HostRecord[];
  /** Orders placed, with the index of the call instruction that placed each. */
  orders: { id: number; instruction: number }[];
  /** With digestEvery: each block's digest (hex), the last block's over the instructions it holds. */
  digests: string[];
  /** True when the run went to its end (not stopped). */
  complete: boolean;
  /** The trace's Merkle root and leaves, when complete. */
  commitment: TraceCommitment | null;
  /** Instructions in the stream so far (the whole run's, when complete). */
  instructions: number;
  map: StaticMap;
  functionNames: Map<number, string>;
}

class Stop extends Error {}

/**
 * Re-executes a recorded run on a guest thread — the environment every run executes in
 * (run/worker, run/stack) — and returns what the options asked for.
 */
export async function reexecute(o: ReexecuteOptions): Promise<Reexecution> {
  const { columns, ...x } = await inGuestThread<PortableReexecution>(import.meta.url, 'reexecuteJob', { ...o, feeds: portableFeeds(o.feeds) });
  return { ...x, records: RecordColumns.records(columns) };
}

/** The guest thread's side of reexecute. */
export function reexecuteJob(o: ReexecuteOptions & { feeds: PortableFeed[] }): PortableReexecution {
  return reexecuteHere({ ...o, feeds: openPortableFeeds(o.feeds) });
}

/**
 * A Reexecution as it crosses back from the guest thread: the records as typed columns, because
 * the structured clone of a window's ~10^5 record objects took longer than the re-execution.
 */
type PortableReexecution = Omit<Reexecution, 'records'> & { columns: RecordColumns };

/** Instruction records in columns (address −1: none). */
class RecordColumns {
  length = 0;
  index = new Float64Array(1024);
  word = new Float64Array(1024);
  address = new Float64Array(1024);
  func = new Uint32Array(1024);
  offset = new Uint32Array(1024);
  opcode = new Uint32Array(1024);
  stackHeight = new Uint32Array(1024);

  push(r: InstructionRecord, word: number): void {
    if (this.length === this.index.length) this.grow();
    const i = this.length++;
    this.index[i] = r.index;
    this.word[i] = word;
    this.address[i] = r.address ?? -1;
    this.func[i] = r.func;
    this.offset[i] = r.offset;
    this.opcode[i] = r.opcode;
    this.stackHeight[i] = r.stackHeight;
  }

  private grow(): void {
    const n = this.index.length * 2;
    const grown = <A extends Float64Array | Uint32Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(n);
      b.set(a);
      return b;
    };
    this.index = grown(this.index);
    this.word = grown(this.word);
    this.address = grown(this.address);
    this.func = grown(this.func);
    this.offset = grown(this.offset);
    this.opcode = grown(this.opcode);
    this.stackHeight = grown(this.stackHeight);
  }

  /** The columns only, trimmed (what crosses to the caller). */
  trimmed(): RecordColumns {
    const n = this.length;
    return Object.assign(new RecordColumns(), {
      length: n, index: this.index.slice(0, n), word: this.word.slice(0, n), address: this.address.slice(0, n),
      func: this.func.slice(0, n), offset: this.offset.slice(0, n), opcode: this.opcode.slice(0, n), stackHeight: this.stackHeight.slice(0, n),
    });
  }

  /** As objects, on the caller's side (a structured clone arrives as a plain object, not a RecordColumns). */
  static records(c: Omit<RecordColumns, 'push' | 'trimmed'>): LocatedRecord[] {
    const out: LocatedRecord[] = new Array(c.length);
    for (let i = 0; i < c.length; i++) {
      const address = c.address[i]!;
      out[i] = { index: c.index[i]!, func: c.func[i]!, offset: c.offset[i]!, opcode: c.opcode[i]!, stackHeight: c.stackHeight[i]!, address: address < 0 ? null : address, word: c.word[i]! };
    }
    return out;
  }
}

function reexecuteHere(o: ReexecuteOptions): PortableReexecution {
  const keepFrom = o.keepFrom ?? 0;
  const stopAt = o.stopAt ?? Number.MAX_SAFE_INTEGER;
  const records = new RecordColumns();
  const kept: Uint8Array[] = [];
  const tail: Uint8Array[] = [];
  const tailFrom = o.tailFrom;
  const before: number[] = [];
  let offset = 0;
  let expander!: TraceExpander;
  const piece = o.recordTo !== undefined ? 256 : Number.MAX_SAFE_INTEGER;
  const expanding = tailFrom === undefined;
  const onTrace = (bytes: Uint8Array): void => {
    if (!expanding) {
      // Bytes only: the window [keepFrom, stopAt) and the tail.
      if (offset < stopAt && offset + bytes.length > keepFrom) kept.push(bytes.slice(Math.max(0, keepFrom - offset), Math.min(bytes.length, stopAt - offset)));
      if (offset + bytes.length > tailFrom) tail.push(bytes.slice(Math.max(0, tailFrom - offset)));
      offset += bytes.length;
      return;
    }
    let at = 0;
    // Bytes before the window go through whole; inside it word by word, noting the count before each.
    if (offset < keepFrom) {
      const n = Math.min(bytes.length, keepFrom - offset);
      // With records wanted, in small pieces: formats 5 and up place a record at the words pushed when
      // it was emitted (the data that shows it ran), so a piece's size bounds how far past it that is.
      for (let p = 0; p < n; p += piece) expander.push(bytes.subarray(p, Math.min(n, p + piece)));
      at = n;
    }
    for (; at < bytes.length && offset + at < stopAt; at += 4) {
      before.push(expander.count);
      const word = bytes.subarray(at, Math.min(at + 4, bytes.length));
      kept.push(word.slice());
      expander.push(word);
    }
    offset += at;
    if (offset >= stopAt) throw new Stop();
  };
  const sandbox = { ...sandboxConfigFor(o.config), hashing: 'inline' as const, onTrace, instrumenter: o.instrumenter };
  if (sandbox.mode !== 'trace') throw new AuditError('VERIFY_FAILED', 'trace', 'this run was made with --trace off: it has no trace to examine');
  const guest = compileGuest(o.wasm, sandbox);
  const hostRecords: HostRecord[] = [];
  const orders: { id: number; instruction: number }[] = [];
  const { backtest, instance, port: charged, map } = wire({
    wasm: o.wasm, guest, sandbox, feeds: o.feeds, config: o.config,
    tap: o.orders ? (host, bt, inst) => {
      // The import's call instruction ends its region, so the instructions charged so far end with it.
      const note = (id: number) => {
        if (id > 0) {
          orders.push({ id, instruction: Number(inst().instructions()) - 1 });
          if (id === o.stopAtOrder) throw new Stop();
        }
        return id;
      };
      const nextId = () => bt.account.nextId;
      const { order, submit, bracket, orderOn } = host;
      host.order = (k, s) => { const id = nextId(); order(k, s); if (bt.account.nextId > id) note(id); };
      host.orderOn = (sym, k, s) => { const id = nextId(); orderOn(sym, k, s); if (bt.account.nextId > id) note(id); };
      host.submit = (...a) => note(submit(...a));
      host.bracket = (...a) => note(bracket(...a));
    } : undefined,
  });
  const recordTo = o.recordTo ?? 0;
  const digests = o.digestEvery ? new RecordDigests(o.digestEvery) : null;
  expander = digests
    ? new TraceExpander(map!, (r) => digests.push(r))
    : new TraceExpander(map!, (r) => {
      records.push(r, expander.regionWord);
      if (o.stopWhenRecorded && r.index === recordTo - 1) throw new Stop();
    }, o.recordFrom ?? 0, recordTo);
  // A snapshot record is SNAPSHOT_WORDS words (traces/records): 0, then the rest the expander hands over.
  if (o.hostRecords) expander.onHostRecord = (words) => {
    hostRecords.push({ words: [...words], startWord: expander.words - SNAPSHOT_WORDS });
    if (words[1] === o.stopAtSnapshot) throw new Stop();
  };
  const calls: CallSite[] = [];
  const symbols = o.feeds.map((f) => f.symbol);
  let event = 0;
  const mark = (callback: CallSite['callback']) =>
    calls.push({ start: Number(instance.instructions()), callback, event, time: callback === 'init' ? null : backtest.now, symbol: callback === 'init' ? '' : symbols[backtest.feed] ?? '' });
  const port: GuestPort = {
    onBar: (t, op, h, l, c, v) => { mark('on_bar'); charged.onBar(t, op, h, l, c, v); event++; },
    onBarAt: (bars, words, j) => { mark('on_bar'); charged.onBarAt!(bars, words, j); event++; },
    snapshot: (k) => charged.snapshot!(k),
  };
  if (charged.onOrder) port.onOrder = (a, b, c, d) => { mark('on_order'); charged.onOrder!(a, b, c, d); };
  if (charged.onTrade) port.onTrade = (a, b, c, d) => { mark('on_trade'); charged.onTrade!(a, b, c, d); };
  let complete = false;
  let commitment: TraceCommitment | null = null;
  try {
    mark('init');
    instance.init();
    backtest.run(port);
    commitment = instance.finish().trace;
    if (expanding) expander.end();
    complete = true;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  const concat = (pieces: Uint8Array[]): Uint8Array => {
    const all = new Uint8Array(pieces.reduce((n, k) => n + k.length, 0));
    let p = 0;
    for (const k of pieces) all.set(k, (p += k.length) - k.length);
    return all;
  };
  if (expanding && complete && !expander.complete) throw new AuditError('VERIFY_FAILED', 'trace', 'the re-executed trace ends inside a region');
  return {
    digests: digests?.end() ?? [], kept: concat(kept), keepFrom, tail: concat(tail), keyframes: [...expander.keyframes], streamBytes: offset, countBeforeWord: Float64Array.from(before), columns: records.trimmed(), calls, hostRecords, orders, complete, commitment,
    instructions: expander.count, map: map!, functionNames: guest.functionNames,
  };
}

/**
 * SHA-256 digests of instruction records in blocks of `every` instructions: each record's func, offset,
 * opcode, stack height and address + 1 (0: none) as five u32 words, hashed in order (both sides of a
 * comparison are digested on this machine, so the byte order is the same).
 */
class RecordDigests {
  private readonly words = new Uint32Array(5 * 4096);
  private readonly bytes = new Uint8Array(this.words.buffer);
  private n = 0;
  private inBlock = 0;
  private hash = createHash('sha256');
  private readonly digests: string[] = [];
  private readonly every: number;
  constructor(every: number) {
    this.every = every;
  }

  push(r: InstructionRecord): void {
    const w = this.words, at = 5 * this.n++;
    w[at] = r.func; w[at + 1] = r.offset; w[at + 2] = r.opcode; w[at + 3] = r.stackHeight; w[at + 4] = r.address === null ? 0 : r.address + 1;
    if (this.n === 4096) this.flush();
    if (++this.inBlock === this.every) {
      this.flush();
      this.digests.push(this.hash.digest('hex'));
      this.hash = createHash('sha256');
      this.inBlock = 0;
    }
  }

  private flush(): void {
    this.hash.update(this.bytes.subarray(0, 20 * this.n));
    this.n = 0;
  }

  /** The digests, the last block's included when it holds any instruction. */
  end(): string[] {
    this.flush();
    if (this.inBlock > 0) this.digests.push(this.hash.digest('hex'));
    return this.digests;
  }
}

/** The call an instruction ran in: the last call that started at or before it. */
export function callSiteOf(calls: readonly CallSite[], instruction: number): CallSite | null {
  let lo = 0, hi = calls.length - 1, found: CallSite | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid]!.start <= instruction) { found = calls[mid]!; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

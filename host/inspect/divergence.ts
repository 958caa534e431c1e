/**
 * @module inspect/divergence
 * The divergence finder: given two executions whose trace roots differ (a run and its replay, or two
 * runs), descend their Merkle trees to the first differing leaf (the stored leaf hashes, no
 * execution), re-execute each side only until just past that leaf, find the first differing trace
 * byte, and from it the first differing instruction — reported with the bar, the callback, the
 * function, the byte offset, the opcode and the effective address on both sides.
 *
 * Why this is exact: the expander emits an instruction only once all of its region's words have
 * arrived, so everything emitted before the first differing word is the same on both sides (same
 * module, same bytes). The first instruction whose record differs is at or after that point.
 *
 * That holds only when both streams are written the same way. Two runs in different trace formats
 * (e.g. a run made under /7, format 6, and one under /8, format 8) or with different leaf sizes differ
 * from their first address word or leaf whatever they executed, so they are compared instruction by
 * instruction instead: both re-executed to the end, their records digested in blocks of 2^20, and the
 * first differing block re-executed on both sides for its records.
 */
import { equalBytes, firstDifferingLeaf, hashLeaf, type InstructionRecord } from '../../traces/index.ts';
import { isoTime } from '../model/bars.ts';
import type { DataFeed } from '../data/load.ts';
import { INSTRUMENTER_VERSION, mnemonic, traceFormatOf } from '../sandbox/index.ts';
import type { RunConfig } from '../run/config.ts';
import { callSiteOf, reexecute, type CallSite, type Reexecution } from './reexecute.ts';

/** One side of a comparison: what to execute, and its committed leaf hashes. */
export interface Execution {
  label: string;
  wasm: Uint8Array;
  /** Null when this side cannot be re-executed (e.g. its data no longer matches its record). */
  feeds: readonly DataFeed[] | null;
  config: RunConfig;
  leafHashes: readonly Uint8Array[];
  /** The source position of a byte offset of `wasm` (inspect/source-map), when it can be had. */
  locate?: ((offset: number) => string | null) | null;
  /** The instrumenter the side ran under (its recorded one). */
  instrumenter?: string;
}

export interface SideAt {
  label: string;
  /** The instruction at the divergence on this side; null when this side's trace had ended or could not be re-executed. */
  instruction: (InstructionRecord & { name: string; functionName: string | null; source: string | null }) | null;
  call: (Omit<CallSite, 'time'> & { time: string | null }) | null;
  /** Why there is no instruction, when there is none. */
  note?: string;
}

export interface Divergence {
  /** First differing leaf, and each side's leaf count. */
  leaf: number;
  leaves: [number, number];
  /**
   * First differing byte of the trace stream (null if a side could not be re-executed, or if the two
   * re-executions agree here: then a side's re-execution does not reproduce its own recorded trace).
   */
  byteOffset: number | null;
  /** Index of the first differing instruction (null if the instructions compared agree; the sides' notes say where the bytes differ). */
  instruction: number | null;
  left: SideAt;
  right: SideAt;
}

/** Records compared past the first differing word; a divergence shows well within it. */
const WINDOW = 1 << 20;

function sideAt(side: Execution, x: Reexecution | null, index: number | null, note?: string): SideAt {
  const label = side.label;
  if (!x || index === null) return { label, instruction: null, call: null, note };
  const r = x.records.find((q) => q.index === index) ?? null;
  const c = callSiteOf(x.calls, index);
  return {
    label,
    instruction: r ? { ...r, name: mnemonic(r.opcode), functionName: x.functionNames.get(r.func) ?? null, source: side.locate?.(r.offset) ?? null } : null,
    call: c ? { ...c, time: c.time === null ? null : isoTime(c.time) } : null,
    note: r ? undefined : 'its trace ends before this instruction',
  };
}

/** The trace format a side was recorded in. */
const formatOf = (e: Execution): number => traceFormatOf(e.instrumenter ?? INSTRUMENTER_VERSION);

/** Null when the two traces are identical. */
export async function findDivergence(left: Execution, right: Execution): Promise<Divergence | null> {
  const leaf = firstDifferingLeaf(left.leafHashes, right.leafHashes);
  if (leaf < 0) return null;
  const chunk = left.config.chunkSize;
  const leaves: [number, number] = [left.leafHashes.length, right.leafHashes.length];
  if (formatOf(left) !== formatOf(right) || chunk !== right.config.chunkSize) return divergenceByRecords(left, right, leaf, leaves);
  // Keep the differing leaf and the next one: an instruction's words may straddle the boundary.
  const window = { keepFrom: leaf * chunk, stopAt: (leaf + 2) * chunk };
  const first = (e: Execution) => (e.feeds ? reexecute({ wasm: e.wasm, feeds: e.feeds, config: e.config, instrumenter: e.instrumenter, ...window }) : null);
  const [a, b] = await Promise.all([first(left), first(right)]);
  if (!a || !b) {
    const unavailable = 'cannot be re-executed: its data does not match its record';
    return {
      leaf, leaves, byteOffset: null, instruction: null,
      left: sideAt(left, null, null, a ? undefined : unavailable), right: sideAt(right, null, null, b ? undefined : unavailable),
    };
  }
  let d = 0;
  const n = Math.min(a.kept.length, b.kept.length);
  while (d < n && a.kept[d] === b.kept[d]) d++;
  if (d === a.kept.length && d === b.kept.length) {
    // Both sides re-executed to the same bytes, yet their recorded leaves differ: a side whose
    // re-execution does not give its recorded leaf ran on other inputs than the ones it reads now.
    const noteOf = (e: Execution, x: Reexecution): string => {
      const recorded = e.leafHashes[leaf];
      return recorded && !equalBytes(hashLeaf(x.kept.subarray(0, chunk)), recorded)
        ? 'its re-execution does not reproduce its recorded trace here: the bars it reads now (the data file or its column cache) or its other inputs differ from the ones it ran on'
        : 'its re-execution agrees with the other side’s here';
    };
    return { leaf, leaves, byteOffset: null, instruction: null, left: sideAt(left, null, null, noteOf(left, a)), right: sideAt(right, null, null, noteOf(right, b)) };
  }
  const byteOffset = window.keepFrom + d;
  // Instructions before the differing word are the same on both sides; compare from there.
  const word = Math.floor(d / 4);
  const from = Math.min(a.countBeforeWord[word] ?? Infinity, b.countBeforeWord[word] ?? Infinity);
  const start = Number.isFinite(from) ? from : Math.max(a.countBeforeWord.at(-1) ?? 0, b.countBeforeWord.at(-1) ?? 0);
  const second = (e: Execution) => reexecute({ wasm: e.wasm, feeds: e.feeds!, config: e.config, instrumenter: e.instrumenter, ...window, recordFrom: start, recordTo: start + WINDOW, hostRecords: true });
  const [ra, rb] = await Promise.all([second(left), second(right)]);
  const { instruction, compared } = firstDifferingRecord(ra, rb);
  const agreeing = instruction !== null ? undefined
    : hostRecordCause(left, ra, right, rb, Math.floor(byteOffset / 4))
      ?? `the ${compared} instructions compared from instruction ${start} agree: the streams differ after them or in the end record`;
  return {
    leaf, leaves, byteOffset, instruction,
    left: sideAt(left, ra, instruction, agreeing),
    right: sideAt(right, rb, instruction, agreeing),
  };
}

/** The index of the first instruction whose records differ in two re-executions' windows (from the same instruction), and how many were compared. */
function firstDifferingRecord(ra: Reexecution, rb: Reexecution): { instruction: number | null; compared: number } {
  const compared = Math.min(ra.records.length, rb.records.length);
  for (let i = 0; i < compared; i++) {
    const x = ra.records[i]!, y = rb.records[i]!;
    if (x.func !== y.func || x.offset !== y.offset || x.opcode !== y.opcode || x.stackHeight !== y.stackHeight || x.address !== y.address) return { instruction: x.index, compared };
  }
  // Past the shorter list, the other side's next instruction is blamed only when the shorter side's
  // run ended there. A side whose window merely ends first (it holds a host record the other does
  // not, so the same bytes hold fewer instructions) shows nothing the other lacks.
  const [shorter, longer] = ra.records.length <= rb.records.length ? [ra, rb] : [rb, ra];
  return { instruction: longer.records.length > compared && shorter.complete ? longer.records[compared]!.index : null, compared };
}

/** Instructions a digest covers when two runs are compared instruction by instruction. */
const BLOCK = 1 << 20;

/**
 * Two runs whose streams are written differently (trace format or leaf size): both re-executed to the
 * end with their records digested per block, then the first differing block's records compared.
 */
async function divergenceByRecords(left: Execution, right: Execution, leaf: number, leaves: [number, number]): Promise<Divergence> {
  const how = (e: Execution) => `${e.instrumenter ?? INSTRUMENTER_VERSION} (trace format ${formatOf(e)}, ${e.config.chunkSize}-byte leaves)`;
  const written = `the two traces are written differently, ${how(left)} against ${how(right)}, so they are compared instruction by instruction`;
  const unavailable = 'cannot be re-executed: its data does not match its record';
  if (!left.feeds || !right.feeds)
    return { leaf, leaves, byteOffset: null, instruction: null, left: sideAt(left, null, null, left.feeds ? written : unavailable), right: sideAt(right, null, null, right.feeds ? written : unavailable) };
  const digest = (e: Execution) => reexecute({ wasm: e.wasm, feeds: e.feeds!, config: e.config, instrumenter: e.instrumenter, digestEvery: BLOCK });
  const [da, db] = await Promise.all([digest(left), digest(right)]);
  let block = 0;
  while (block < da.digests.length && block < db.digests.length && da.digests[block] === db.digests[block]) block++;
  if (block === da.digests.length && block === db.digests.length) {
    const same = `${written}: all ${da.instructions} instructions agree (the roots differ by how the traces are written)`;
    return { leaf, leaves, byteOffset: null, instruction: null, left: sideAt(left, null, null, same), right: sideAt(right, null, null, same) };
  }
  const records = (e: Execution) => reexecute({ wasm: e.wasm, feeds: e.feeds!, config: e.config, instrumenter: e.instrumenter, recordFrom: block * BLOCK, recordTo: (block + 1) * BLOCK, stopWhenRecorded: true });
  const [ra, rb] = await Promise.all([records(left), records(right)]);
  const { instruction } = firstDifferingRecord(ra, rb);
  const note = instruction === null ? `${written}: their records differ in instructions ${block * BLOCK} to ${(block + 1) * BLOCK - 1} but a second re-execution did not show where (a side does not re-execute the same way twice)` : undefined;
  return { leaf, leaves, byteOffset: null, instruction, left: sideAt(left, ra, instruction, note), right: sideAt(right, rb, instruction, note) };
}

/**
 * When the instructions agree: the state snapshot (a host record, --snapshot-every) the first
 * differing stream word `at` lies in or leads to, or null. That word is the snapshot's own, or (formats
 * 5 and 6) the open bit word the host stored before it, the words between the same on both sides.
 * The same snapshot on both sides differs in the guest's memory; one only one side has means the
 * runs' --snapshot-every differ.
 */
function hostRecordCause(left: Execution, ra: Reexecution, right: Execution, rb: Reexecution, at: number): string | null {
  const next = (x: Reexecution) => x.hostRecords.find((h) => h.startWord + 12 > at) ?? null;
  const sa = next(ra), sb = next(rb);
  const wordOf = (x: Reexecution, w: number): number | undefined => {
    const i = 4 * w - x.keepFrom;
    return i >= 0 && i + 4 <= x.kept.length ? new DataView(x.kept.buffer, x.kept.byteOffset).getUint32(i, true) : undefined;
  };
  // Lies in or leads to it: every word after `at` up to the record's start is in both windows and equal.
  const leadsTo = (h: { startWord: number }): boolean => {
    for (let w = at + 1; w < h.startWord; w++) {
      const x = wordOf(ra, w);
      if (x === undefined || x !== wordOf(rb, w)) return false;
    }
    return true;
  };
  if (sa && sb && sa.words[1] === sb.words[1]) {
    const same = sa.startWord === sb.startWord && sa.words.every((w, i) => w === sb.words[i]);
    return sa.startWord === sb.startWord && !same && leadsTo(sa) ? `the instructions agree: the streams differ in a host record (the state snapshot after bar ${sa.words[1]}: the guest's memory differs)` : null;
  }
  // One side's first snapshot from here is one the other does not have (none, or a later bar's).
  const [side, h, otherWindow] = sa && (!sb || sa.words[1]! < sb.words[1]!) ? [left, sa, rb] : sb ? [right, sb, ra] : [null, null, null];
  if (!side || !h || !leadsTo(h)) return null;
  // The other side's window reaches past where that snapshot is, so its absence there is real.
  if (!otherWindow.complete && 4 * (h.startWord + 12) > otherWindow.keepFrom + otherWindow.kept.length) return null;
  return `the instructions agree: only the ${side.label} side records a state snapshot here (after bar ${h.words[1]}; the runs' --snapshot-every differ)`;
}

/** The report as text lines (the CLI prints them). */
export function describeDivergence(d: Divergence): string[] {
  const lines = [
    `first differing leaf ${d.leaf} (of ${d.leaves[0]} and ${d.leaves[1]})` +
      (d.byteOffset === null ? '' : `, trace byte ${d.byteOffset}`) +
      (d.instruction === null ? '' : `, instruction ${d.instruction}`),
  ];
  for (const s of [d.left, d.right]) {
    const where = s.call ? `${s.call.callback}${s.call.time ? ` of bar ${s.call.time} (event ${s.call.event}${s.call.symbol ? `, ${s.call.symbol}` : ''})` : ''}` : '';
    const ins = s.instruction;
    const what = ins
      ? `f${ins.func}${ins.functionName ? ` ${ins.functionName}` : ''} @${ins.offset}${ins.source ? ` (${ins.source})` : ''} ${ins.name} h=${ins.stackHeight}${ins.address === null ? '' : ` addr=${ins.address}`}`
      : `(${s.note ?? 'no instruction'})`;
    lines.push(`  ${s.label.padEnd(9)} ${where ? `${where}: ` : ''}${what}`);
  }
  return lines;
}

/**
 * @module inspect/prove
 * `backproof prove <run-dir> --instruction N | --order K` and `backproof verify-proof`: a
 * self-contained bundle that shows one executed instruction is part of a signed run, checkable
 * offline from the bundle alone.
 *
 * The bundle carries the signed record, the strategy module, the Merkle leaf (or two, when the
 * instruction's region record straddles a boundary) that holds the instruction's region record,
 * each leaf's RFC 9162 inclusion path to the recorded trace root, the claim (what verify-proof
 * checks) and the context (what it cannot: the order the instruction placed, the bar's event, time
 * and symbol come from the data and the broker, not the trace). verify-proof checks the record
 * (signature, chain), that the module is the recorded one, that each leaf is included under the
 * recorded root, and that the words at the claimed position decode — through the module's static
 * map, rebuilt by instrumenting it with the recorded settings — to the claimed function (and its
 * name in the module's name section), byte offset, opcode, stack height and address. What a format
 * 4 leaf alone cannot show is that the word is a record boundary, the instruction's absolute index
 * and the callback it ran in (they depend on the trace before it); verify-proof reports them as not
 * proven, and `backproof trace --from N` on the run confirms them by re-execution (docs/AUDIT.md).
 *
 * Formats 5, 6 and 8 have no region records: the bundle carries the leaves from where an expansion
 * can start up to the data that shows the instruction ran, and verify-proof expands them, which
 * shows the index, the stream word where the expansion reaches it and the callback the host entered
 * too. Format 5 starts at the stream's start. Formats 6 and 8 start at the last keyframe
 * before the instruction, and the bundle also carries the leaves of the stream's keyframe table
 * that list that keyframe's word (docs/TRACE.md, "Keyframes"), so the start is one the run wrote.
 */
import { AuditError, UsageError } from '../errors.ts';
import { compileGuest, mnemonic, staticMap, traceFormatOf, DEFAULT_FLUSH_THRESHOLD } from '../sandbox/index.ts';
import { equalBytes, fromHex, hashLeaf, hasKeyframes, inclusionProofFromLeafHashes, sha256, toHex, verifyInclusion, TraceError, TraceExpander, END_WORDS, type StaticMap } from '../../traces/index.ts';
import { EXPORT_INIT, EXPORT_ON_BAR, EXPORT_ON_ORDER, EXPORT_ON_TRADE } from '../sandbox/abi.ts';
import { parseModule } from '../sandbox/instrument/module.ts';
import { toBigInt } from '../audit/codec.ts';
import { isoTime } from '../model/bars.ts';
import { sandboxConfigFor } from '../run/config.ts';
import { FILES, readRunFile } from '../run/rundir.ts';
import { callSiteOf, loadRecordedRun, openRecordedData, reexecute } from './reexecute.ts';
import { configFromRecord, openRecordBytes, recordedInstrumenter } from './opened-record.ts';

/** The bundle format prove writes: the claim (checked) and the context (not provable offline) apart. */
export const PROOF_FORMAT = 'backproof-instruction-proof/2';
/** The first format: one claim holding both; verify-proof still checks it, reporting the context fields as not proven. */
export const PROOF_FORMAT_V1 = 'backproof-instruction-proof/1';

/** What verify-proof checks against the bundle's leaves and module. */
export interface ProofClaim {
  instruction: number;
  /**
   * Format 4: the stream word of the instruction's region record (its region id). Formats 5 and 6:
   * the stream words the expansion has read, counted from the stream's start, when it reaches the
   * instruction: everything the instruction's path depends on lies in the words before it.
   */
  word: number;
  func: number;
  /** The function's name in the module's name section (null: none). */
  functionName: string | null;
  offset: number;
  opcode: number;
  name: string;
  stackHeight: number;
  address: number | null;
  /** Formats 5 and 6: the callback whose export the host entered (the stream's entry word names it). */
  callback?: string | null;
  /** Formats 6 and 8: the keyframe the expansion starts at — its ordinal in the keyframe table and its stream word — or null: the stream's start. */
  keyframe?: { index: number; word: number } | null;
}

/** What the prover found by re-executing the run with its data, which the bundle cannot prove. */
export interface ProofContext {
  /** The order this instruction placed (with --order). */
  order: number | null;
  /** Format 4: the callback the instruction ran in (a leaf does not show it). */
  callback?: string | null;
  event: number | null;
  barTime: string | null;
  symbol: string | null;
}

export interface ProofBundle {
  format: string;
  claim: ProofClaim;
  /** Format /2 only (/1 bundles carry these fields in the claim). */
  context?: ProofContext;
  chunkSize: number;
  treeSize: number;
  /** Hex. */
  root: string;
  leaves: BundledLeaf[];
  /** Formats 6 and 8 with a keyframe: the leaves holding the keyframe table's count (the stream's word W − 6) and the keyframe's entry. */
  tableLeaves?: BundledLeaf[];
  /** Base64 of record.pb and of strategy.wasm. */
  record: string;
  module: string;
}

/** A leaf of the trace: its index, bytes (base64) and RFC 9162 inclusion path (hex). */
export interface BundledLeaf { index: number; data: string; proof: string[] }

/** Formats 6 and 8's keyframe table ends the stream before the end record: [0, 5, k, (lo, hi) × k, k] (traces/records). */
/** The stream words of the table's closing count and of entry j (two words), given the stream's words W and k. */
function tableWords(streamWords: number, k: number, j: number): { count: number; entry: number } {
  const count = streamWords - END_WORDS - 1;
  return { count, entry: count - 2 * k + 2 * j };
}

export async function proveInstruction(opts: { dir: string; instruction?: number; order?: number }): Promise<ProofBundle> {
  if ((opts.instruction === undefined) === (opts.order === undefined)) throw new UsageError('USAGE', 'prove needs exactly one of --instruction N or --order K');
  const run = await loadRecordedRun(opts.dir);
  if (run.config.trace !== 'full') throw new UsageError('USAGE', 'this run was made with --trace off: it has no trace to prove against');
  const data = await openRecordedData(run);
  if (!data.matches) throw new AuditError('VERIFY_FAILED', 'data', `the recorded data cannot be re-read: ${data.notes.join('; ')}`);
  const base = { wasm: run.wasm, feeds: data.feeds, config: run.config, instrumenter: run.instrumenter };
  const keepNothing = { keepFrom: Number.MAX_SAFE_INTEGER };
  let n = opts.instruction ?? -1;
  if (opts.order !== undefined) {
    const k = opts.order;
    if (!Number.isSafeInteger(k) || k < 1) throw new UsageError('USAGE', `--order must be an order id >= 1, got ${k}`);
    let placedBy = -1, highest = 0;
    const { orders } = await reexecute({ ...base, ...keepNothing, orders: true, stopAtOrder: k });
    for (const o of orders) {
      highest = Math.max(highest, o.id);
      if (o.id === k) placedBy = o.instruction;
    }
    if (placedBy < 0) throw new UsageError('USAGE', `order ${k} was never placed by the guest in this run (it placed orders up to ${highest})`);
    n = placedBy;
  }
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError('USAGE', `--instruction must be an index >= 0, got ${opts.instruction}`);
  const total = Number(toBigInt(run.record.bodies.trace.instructions));
  if (n >= total) throw new UsageError('USAGE', `instruction ${n} is past the end of the run (${total} instructions)`);
  const found = await reexecute({ ...base, ...keepNothing, recordFrom: n, recordTo: n + 1, stopWhenRecorded: true });
  const rec = found.records[0];
  if (!rec) throw new AuditError('VERIFY_FAILED', 'trace', `re-execution did not reach instruction ${n}`);
  const chunk = run.config.chunkSize;
  const format = traceFormatOf(run.instrumenter);
  let firstLeaf: number, lastLeaf: number;
  // Formats 6 and 8: the last keyframe before the instruction (the expansion starts there).
  const keyframeIndex = hasKeyframes(format) ? found.keyframes.findLastIndex((k) => k.count <= n) : -1;
  const keyframe = keyframeIndex < 0 ? null : { index: keyframeIndex, word: found.keyframes[keyframeIndex]!.word };
  if (format >= 5) {
    // An instruction follows from the stream before it, from the start or a keyframe, up to the data that showed it ran.
    firstLeaf = keyframe ? Math.floor((4 * keyframe.word) / chunk) : 0;
    lastLeaf = Math.min(run.leafHashes.length - 1, Math.floor((4 * rec.word - 1) / chunk));
  } else {
    // The region record: its id word, then one word per memory access of the region.
    const regionId = regionIdAt(found.map, rec.func, rec.offset);
    const lastByte = 4 * (rec.word + 1 + found.map.regionMemAccesses[regionId - 1]!) - 1;
    firstLeaf = Math.floor((4 * rec.word) / chunk);
    lastLeaf = Math.floor(lastByte / chunk);
  }
  // With a keyframe, the stream's tail too (the table): each keyframe follows at least the flush
  // threshold of stream written since the one before (docs/TRACE.md), so the table starts after word W − 8 − 2·⌊bytes / threshold⌋.
  const streamBytes = Number(toBigInt(run.record.bodies.trace.bytes));
  const streamWords = streamBytes / 4;
  const tailFrom = keyframe ? Math.max(0, Math.floor((4 * (streamWords - 8 - 2 * Math.floor(streamBytes / DEFAULT_FLUSH_THRESHOLD))) / chunk)) * chunk : undefined;
  const window = await reexecute({ ...base, keepFrom: firstLeaf * chunk, stopAt: (lastLeaf + 1) * chunk, tailFrom });
  const bundled = (i: number, bytes: Uint8Array): BundledLeaf => {
    if (!equalBytes(hashLeaf(bytes), run.leafHashes[i] ?? new Uint8Array(0)))
      throw new AuditError('VERIFY_FAILED', 'trace', `re-executed leaf ${i} does not hash to the stored leaf hash: this installation does not reproduce the run`);
    return { index: i, data: Buffer.from(bytes).toString('base64'), proof: inclusionProofFromLeafHashes(i, run.leafHashes).map(toHex) };
  };
  const leaves: BundledLeaf[] = [];
  for (let i = firstLeaf; i <= lastLeaf; i++) leaves.push(bundled(i, window.kept.subarray((i - firstLeaf) * chunk, (i - firstLeaf + 1) * chunk)));
  let tableLeaves: BundledLeaf[] | undefined;
  if (keyframe) {
    const inTail = (w: number): number => new DataView(window.tail.buffer, window.tail.byteOffset).getUint32(4 * w - tailFrom!, true);
    const at = tableWords(streamWords, inTail(tableWords(streamWords, 0, 0).count), keyframe.index);
    if (4 * at.entry < tailFrom!) throw new AuditError('VERIFY_FAILED', 'trace', `the keyframe table starts before trace byte ${tailFrom}: more keyframes than flushes`);
    const needed = [...new Set([at.count, at.entry, at.entry + 1].map((w) => Math.floor((4 * w) / chunk)))].sort((a, b) => a - b);
    tableLeaves = needed.map((i) => bundled(i, window.tail.subarray(i * chunk - tailFrom!, (i + 1) * chunk - tailFrom!)));
  }
  const call = callSiteOf(found.calls, n);
  const claim: ProofClaim = {
    instruction: n, word: rec.word, func: rec.func, functionName: found.functionNames.get(rec.func) ?? null,
    offset: rec.offset, opcode: rec.opcode, name: mnemonic(rec.opcode), stackHeight: rec.stackHeight, address: rec.address,
  };
  const context: ProofContext = {
    order: opts.order ?? null, event: call && call.callback !== 'init' ? call.event : null,
    barTime: call?.time != null ? isoTime(call.time) : null, symbol: call?.symbol || null,
  };
  if (format >= 5) {
    // The word and the callback are what verify-proof's expansion of these very leaves shows: derived the same way.
    const shown = expandBundled(found.map, leaves.map((l) => new Uint8Array(Buffer.from(l.data, 'base64'))), firstLeaf, chunk, keyframe, n, lastLeaf === run.leafHashes.length - 1);
    const names = shown ? callbacksOf(run.wasm).get(shown.entered) ?? [] : [];
    const callback = call && names.includes(call.callback) ? call.callback : names[0];
    if (!shown || !sameInstruction(shown.record, claim) || callback !== call?.callback)
      throw new AuditError('VERIFY_FAILED', 'trace', `the bundled leaves expand to ${JSON.stringify(shown && { ...shown.record, callback })}; the re-execution ran ${JSON.stringify({ ...claim, callback: call?.callback })}`);
    Object.assign(claim, { word: shown.word, callback: callback ?? null }, hasKeyframes(format) ? { keyframe } : {});
  } else context.callback = call?.callback ?? null;
  return {
    format: PROOF_FORMAT,
    claim,
    context: { order: context.order, ...(format < 5 ? { callback: context.callback } : {}), event: context.event, barTime: context.barTime, symbol: context.symbol },
    chunkSize: chunk,
    treeSize: run.leafHashes.length,
    root: toHex(run.record.bodies.trace.root as Uint8Array),
    leaves,
    ...(tableLeaves ? { tableLeaves } : {}),
    record: Buffer.from(await readRunFile(opts.dir, FILES.record, 'record')).toString('base64'),
    module: Buffer.from(run.wasm).toString('base64'),
  };
}

/** An instruction's decoded fields, compared between a claim and what the trace shows. */
type Decoded = Pick<ProofClaim, 'func' | 'offset' | 'opcode' | 'stackHeight' | 'address'>;
const decodedOf = (r: Decoded): Decoded => ({ func: r.func, offset: r.offset, opcode: r.opcode, stackHeight: r.stackHeight, address: r.address });
const sameInstruction = (a: Decoded, b: Decoded): boolean => JSON.stringify(decodedOf(a)) === JSON.stringify(decodedOf(b));

/** What expanding formats 5, 6 and 8's bundled leaves shows of one instruction. */
interface Shown {
  record: Decoded;
  /** Stream words read (from the stream's start) when the expansion reaches the instruction. */
  word: number;
  /** The function the host entered for the call the instruction ran in (the one its entry word names). */
  entered: number;
}

/**
 * Formats 5, 6 and 8: expands the consecutive bundled leaves (the first is leaf `firstLeaf`; from the
 * keyframe's word, or the stream's start) up to instruction `n`, and returns what they show of it,
 * or null when they do not reach it. A TraceError when they are not a trace of this module.
 */
function expandBundled(map: StaticMap, datas: Uint8Array[], firstLeaf: number, chunk: number, keyframe: { index: number; word: number } | null, n: number, endsStream: boolean): Shown | null {
  let entered = -1, shown: Shown | null = null;
  // Every instruction from the start is visited: the outermost function's give the function the host entered.
  const ex: TraceExpander = new TraceExpander(map, (r) => {
    if (ex.callDepth === 0) entered = r.func;
    if (r.index === n) shown = { record: decodedOf(r), word: ex.words, entered };
  }, 0, n + 1, keyframe ? { keyframe } : {});
  for (const [i, d] of datas.entries()) ex.push(i === 0 && keyframe ? d.subarray(4 * keyframe.word - firstLeaf * chunk) : d);
  if (endsStream) ex.end();
  return shown;
}

/** The guest callbacks by function index: the ABI exports each function is exported as (init: also the start function). */
function callbacksOf(wasm: Uint8Array): Map<number, string[]> {
  const m = parseModule(wasm);
  const out = new Map<number, string[]>();
  const add = (f: number, name: string) => out.set(f, [...(out.get(f) ?? []), name].filter((x, i, a) => a.indexOf(x) === i).sort());
  for (const e of m.exports) if (e.kind === 0 && (CALLBACKS as readonly string[]).includes(e.name)) add(e.index, e.name);
  if (m.start !== null) add(m.start, EXPORT_INIT);
  return out;
}
const CALLBACKS = [EXPORT_INIT, EXPORT_ON_BAR, EXPORT_ON_ORDER, EXPORT_ON_TRADE] as const;

/**
 * Formats 6 and 8: the bundle's table leaves, checked (included, and each exactly as long as its place in
 * a stream of `streamBytes` bytes requires), and the keyframe table read from them: its entry j.
 */
function tableLeavesOf(bundle: ProofBundle, included: (leaf: BundledLeaf) => Uint8Array, size: number, chunk: number, streamBytes: number, format: number): { entry(j: number): number } {
  if (!Array.isArray(bundle.tableLeaves) || bundle.tableLeaves.length < 1) return bad('inclusion', `a format ${format} bundle with a keyframe carries the leaves of the keyframe table`);
  if (streamBytes % 4 !== 0 || streamBytes <= (size - 1) * chunk || streamBytes > size * chunk) return bad('root', `the record's ${streamBytes} trace bytes do not fill its ${size} leaves`);
  const leaves = new Map<number, Uint8Array>();
  for (const leaf of bundle.tableLeaves) {
    const data = included(leaf);
    const length = leaf.index === size - 1 ? streamBytes - (size - 1) * chunk : chunk;
    if (data.length !== length) bad('inclusion', `table leaf ${leaf.index} holds ${data.length} bytes; its place in the stream holds ${length}`);
    leaves.set(leaf.index, data);
  }
  const word = (w: number): number => {
    const i = Math.floor((4 * w) / chunk);
    const data = w < 0 ? undefined : leaves.get(i);
    if (!data) return bad('inclusion', `the bundle does not carry leaf ${i}, which holds word ${w} of the keyframe table`);
    return new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4 * w - i * chunk, true);
  };
  const streamWords = streamBytes / 4;
  const k = word(tableWords(streamWords, 0, 0).count);
  return {
    entry(j: number): number {
      if (j >= k) bad('keyframe', `the keyframe table lists ${k} keyframes; the claim names keyframe ${j}`);
      const at = tableWords(streamWords, k, j);
      return word(at.entry) + word(at.entry + 1) * 2 ** 32;
    },
  };
}

/** The region holding the instruction at (func, offset): a region covers consecutive instructions of one function. */
function regionIdAt(map: ReturnType<typeof staticMap>, func: number, offset: number): number {
  for (let r = 0; r < map.regionFirst.length; r++) {
    const first = map.regionFirst[r]!;
    if (map.func[first] !== func) continue;
    for (let i = first; i < first + map.regionInstructions[r]!; i++) if (map.offset[i] === offset) return r + 1;
  }
  throw new AuditError('VERIFY_FAILED', 'proof', `no region of the module holds function ${func} offset ${offset}`);
}

export interface ProofCheck {
  runId: string;
  signed: boolean;
  publicKey: Uint8Array;
  instruction: number;
  steps: string[];
  /** The claim's fields the bundle proves, each checked. */
  proven: Partial<ProofClaim>;
  /** The fields it states but does not prove: the context (from the data and the broker), and what a format 4 leaf cannot show. */
  unproven: UnprovenField[];
}

/** A field of the bundle that verify-proof did not check: its path in the bundle (`context.order`), its value and why. */
export interface UnprovenField { field: string; value: unknown; why: string }

const CONTEXT_WHY = 'context from the data and the broker, not the trace';
const LEAF_WHY = 'a format 4 leaf does not show it (it depends on the trace before the leaf)';

const bad = (step: string, message: string): never => {
  throw new AuditError('PROOF_INVALID', step, message);
};

/** The claim's and context's keys by bundle format and trace format: anything else in them is refused, never left unchecked. */
function expectedKeys(v1: boolean, format: number): { claim: string[]; context: string[] } {
  const claim = ['instruction', 'word', 'func', 'functionName', 'offset', 'opcode', 'name', 'stackHeight', 'address'];
  const context = ['order', 'event', 'barTime', 'symbol'];
  const keyframe = hasKeyframes(format) ? ['keyframe'] : [];
  if (v1) return { claim: [...claim, 'callback', ...context, ...keyframe], context: [] };
  return format >= 5 ? { claim: [...claim, 'callback', ...keyframe], context } : { claim, context: [...context, 'callback'] };
}

function checkKeys(what: string, value: unknown, keys: string[]): Record<string, unknown> {
  if (keys.length === 0) {
    if (value !== undefined) bad('format', `a ${PROOF_FORMAT_V1} bundle has no ${what}`);
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return bad('format', `${what} is not an object`);
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!keys.includes(k)) bad('format', `${what}.${k} is not a field of this bundle: nothing would check it`);
  for (const k of keys) if (!(k in o)) bad('format', `${what}.${k} is missing`);
  return o;
}

/** The context fields' types (they are reported, not proven, but never anything else). */
function checkContextTypes(where: string, o: Record<string, unknown>, fields: string[]): void {
  const ok: Record<string, (v: unknown) => boolean> = {
    order: (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 1),
    event: (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0),
    barTime: (v) => v === null || typeof v === 'string',
    symbol: (v) => v === null || typeof v === 'string',
    callback: (v) => v === null || (CALLBACKS as readonly unknown[]).includes(v),
  };
  for (const f of fields) if (f in ok && !ok[f]!(o[f])) bad('format', `${where}.${f} is ${JSON.stringify(o[f])}, not a value it can take`);
}

/**
 * Checks a bundle offline. `trustedKey` requires the record to be signed by that key. Every field of
 * the claim is checked, or the check fails; the fields it cannot check (the context, and what a
 * format 4 leaf cannot show) come back in `unproven`.
 */
export function verifyProofBundle(bundle: ProofBundle, trustedKey: Uint8Array | null): ProofCheck {
  if (!bundle || (bundle.format !== PROOF_FORMAT && bundle.format !== PROOF_FORMAT_V1)) bad('format', `not a ${PROOF_FORMAT} (or /1) bundle (format ${JSON.stringify(bundle?.format)})`);
  const v1 = bundle.format === PROOF_FORMAT_V1;
  const steps: string[] = [];
  const b64 = (s: unknown, what: string): Uint8Array => {
    if (typeof s !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return bad('format', `${what} is not base64`);
    return new Uint8Array(Buffer.from(s, 'base64'));
  };
  let record;
  try {
    record = openRecordBytes(b64(bundle.record, 'record'), trustedKey);
  } catch (e) {
    if (e instanceof AuditError) bad('record', `${e.step}: ${e.message}`);
    throw e;
  }
  steps.push('record');
  const instrumenter = recordedInstrumenter(record.bodies.toolchain);
  let format: number;
  try {
    format = traceFormatOf(instrumenter);
  } catch (e) {
    return bad('record', (e as Error).message);
  }
  const keys = expectedKeys(v1, format);
  const c = checkKeys('claim', bundle.claim, keys.claim) as unknown as ProofClaim & Record<string, unknown>;
  const context = checkKeys('context', bundle.context, keys.context);
  // Formats 5, 6 and 8 are read by expanding the stream: from its start, or (6 and 8) from a keyframe.
  const streamed = format >= 5;
  const module = b64(bundle.module, 'module');
  if (!equalBytes(sha256(module), record.bodies.strategy.wasmSha256 as Uint8Array)) bad('module', 'the module is not the recorded one');
  steps.push('module');
  const root = record.bodies.trace.root as Uint8Array;
  if (bundle.root !== toHex(root)) bad('root', `the bundle's root ${bundle.root} is not the recorded trace root ${toHex(root)}`);
  const size = Number(toBigInt(record.bodies.trace.leaves));
  if (bundle.treeSize !== size) bad('root', `tree size ${bundle.treeSize}, the record says ${size}`);
  const config = configFromRecord(record.bodies.config);
  if (bundle.chunkSize !== config.chunkSize) bad('root', `chunk size ${bundle.chunkSize}, the record says ${config.chunkSize}`);
  if (!Array.isArray(bundle.leaves) || bundle.leaves.length < 1 || (!streamed && bundle.leaves.length > 2)) bad('inclusion', 'a bundle carries one or two leaves');
  const keyframe = hasKeyframes(format) ? c.keyframe ?? null : null;
  if (keyframe !== null && !(Number.isSafeInteger(keyframe.index) && keyframe.index >= 0 && Number.isSafeInteger(keyframe.word) && keyframe.word >= 0 && Object.keys(keyframe).length === 2))
    bad('format', 'claim.keyframe is not { index, word } of non-negative integers');
  const startLeaf = keyframe ? Math.floor((4 * keyframe.word) / config.chunkSize) : 0;
  if (format === 5 && bundle.leaves[0]!.index !== 0) bad('inclusion', 'a format 5 bundle carries every leaf from the first');
  if (hasKeyframes(format) && bundle.leaves[0]!.index !== startLeaf)
    bad('inclusion', keyframe ? `a format ${format} bundle carries the leaves from the one holding its keyframe (leaf ${startLeaf})` : `a format ${format} bundle without a keyframe carries every leaf from the first`);
  const included = (leaf: BundledLeaf): Uint8Array => {
    if (!leaf || typeof leaf !== 'object') return bad('format', 'a leaf is not an object { index, data, proof }');
    const data = b64(leaf.data, `leaf ${leaf.index}`);
    if (!Array.isArray(leaf.proof) || leaf.proof.some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) bad('inclusion', `leaf ${leaf.index}: the path is not a list of hashes`);
    if (!Number.isSafeInteger(leaf.index) || !verifyInclusion(hashLeaf(data), leaf.index, size, leaf.proof.map(fromHex), root))
      bad('inclusion', `leaf ${leaf.index} is not included in the recorded trace root`);
    return data;
  };
  const datas: Uint8Array[] = [];
  for (const [i, leaf] of bundle.leaves.entries()) {
    if (i > 0 && leaf.index !== bundle.leaves[0]!.index + i) bad('inclusion', 'the leaves are not consecutive');
    const data = included(leaf);
    if (i < bundle.leaves.length - 1 && data.length !== config.chunkSize) bad('inclusion', `leaf ${leaf.index} is not a full leaf`);
    datas.push(data);
  }
  // Formats 6 and 8: the keyframe is one the run wrote: the stream's keyframe table lists its word.
  const table = keyframe ? tableLeavesOf(bundle, included, size, config.chunkSize, Number(toBigInt(record.bodies.trace.bytes)), format) : null;
  steps.push('inclusion');
  if (keyframe) {
    const listed = table!.entry(keyframe.index);
    if (listed !== keyframe.word) bad('keyframe', `the keyframe table's entry ${keyframe.index} is stream word ${listed}, not ${keyframe.word}`);
    steps.push('keyframe');
  }
  // Decode the claimed position with the module's static map.
  const guest = compileGuest(module, { ...sandboxConfigFor(config), instrumenter });
  const map = staticMap(module, guest.meta!);
  const decodes = (actual: Decoded): void => {
    if (!sameInstruction(actual, c)) bad('instruction', `the trace decodes to ${JSON.stringify(decodedOf(actual))}, the claim is ${JSON.stringify(decodedOf(c))}`);
    if (c.name !== mnemonic(c.opcode)) bad('instruction', `claim.name: opcode ${c.opcode} is ${mnemonic(c.opcode)}, not ${JSON.stringify(c.name)}`);
    const functionName = guest.functionNames.get(c.func) ?? null;
    if (c.functionName !== functionName) bad('instruction', `claim.functionName is ${JSON.stringify(c.functionName)}; the module's name section names function ${c.func} ${JSON.stringify(functionName)}`);
  };
  const proven: Partial<ProofClaim> = {};
  const unproven: UnprovenField[] = [];
  const where = v1 ? 'claim' : 'context';
  const source = v1 ? c : context;
  checkContextTypes(where, source, v1 ? ['order', 'event', 'barTime', 'symbol', ...(streamed ? [] : ['callback'])] : keys.context);
  if (streamed) {
    // Expanded from the stream's start or a keyframe, the index, the word and the callback are shown too.
    if (!Number.isSafeInteger(c.instruction) || c.instruction < 0) bad('instruction', `claim.instruction ${JSON.stringify(c.instruction)} is not an instruction index`);
    let shown: Shown | null;
    try {
      shown = expandBundled(map, datas, startLeaf, config.chunkSize, keyframe, c.instruction, bundle.leaves.at(-1)!.index === size - 1);
    } catch (e) {
      if (e instanceof TraceError) return bad('instruction', `the bundled leaves are not a trace of this module: ${e.message}`);
      throw e;
    }
    if (shown === null) return bad('instruction', `the bundled leaves do not reach instruction ${c.instruction}`);
    decodes(shown.record);
    if (v1) unproven.push({ field: 'claim.word', value: c.word, why: `a ${PROOF_FORMAT_V1} bundle's word of a format ${format} trace is where its prover had pushed the stream to, which depends on how it pushed it` });
    else if (c.word !== shown.word) bad('instruction', `claim.word is ${c.word}; the expansion has read ${shown.word} stream words when it reaches instruction ${c.instruction}`);
    const callbacks = callbacksOf(module).get(shown.entered) ?? [];
    if (!callbacks.includes(c.callback as string))
      bad('instruction', `claim.callback is ${JSON.stringify(c.callback)}; the host entered function ${shown.entered}${callbacks.length ? `, exported as ${callbacks.join(', ')}` : ', which is no callback'}`);
    Object.assign(proven, { instruction: c.instruction }, v1 ? {} : { word: c.word }, { func: c.func, functionName: c.functionName, offset: c.offset, opcode: c.opcode, name: c.name, stackHeight: c.stackHeight, address: c.address, callback: c.callback }, hasKeyframes(format) ? { keyframe } : {});
  } else {
    const firstLeaf = bundle.leaves[0]!.index;
    const bytes = Buffer.concat(datas);
    if (!Number.isSafeInteger(c.word) || c.word < 0) bad('instruction', `claim.word ${JSON.stringify(c.word)} is not a stream word`);
    const at = 4 * c.word - firstLeaf * config.chunkSize;
    const word = (k: number): number => {
      if (at + 4 * k < 0 || at + 4 * k + 4 > bytes.length) return bad('instruction', `word ${c.word + k} is outside the bundled leaves`);
      return bytes.readUInt32LE(at + 4 * k);
    };
    const id = word(0);
    if (id < 1 || id > map.regionFirst.length) bad('instruction', `word ${c.word} holds ${id}, which is not a region id of the module`);
    const first = map.regionFirst[id - 1]!;
    let i = first;
    while (i < first + map.regionInstructions[id - 1]! && map.offset[i] !== c.offset) i++;
    if (i === first + map.regionInstructions[id - 1]!) bad('instruction', `region ${id} has no instruction at byte offset ${c.offset}`);
    const memOffset = map.memOffset[i]!;
    const address = memOffset >= 0 ? word(1 + map.memSlot[i]!) + memOffset : null;
    decodes({ func: map.func[i]!, offset: map.offset[i]!, opcode: map.opcode[i]!, stackHeight: map.stackHeight[i]!, address });
    Object.assign(proven, { func: c.func, functionName: c.functionName, offset: c.offset, opcode: c.opcode, name: c.name, stackHeight: c.stackHeight, address: c.address });
    unproven.push(
      { field: 'claim.instruction', value: c.instruction, why: LEAF_WHY },
      { field: 'claim.word', value: c.word, why: `${LEAF_WHY}: its words decode to the instruction, but that a region record starts there is not shown` },
      { field: `${where}.callback`, value: source.callback, why: LEAF_WHY },
    );
  }
  for (const f of ['order', 'event', 'barTime', 'symbol']) unproven.push({ field: `${where}.${f}`, value: source[f], why: CONTEXT_WHY });
  steps.push('instruction');
  return { runId: record.runId, signed: record.signed, publicKey: record.publicKey, instruction: c.instruction, steps, proven, unproven };
}

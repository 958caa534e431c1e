/**
 * @module inspect/prove
 * `backproof prove <run-dir> --instruction N | --order K` and `backproof verify-proof`: a
 * self-contained bundle that shows one executed instruction is part of a signed run, checkable
 * offline from the bundle alone.
 *
 * The bundle carries the signed record, the strategy module, the Merkle leaf (or two, when the
 * instruction's region record straddles a boundary) that holds the instruction's region record,
 * each leaf's RFC 9162 inclusion path to the recorded trace root, and the claim: instruction index,
 * the stream word where its region record starts, and what it decodes to. verify-proof checks the
 * record (signature, chain), that the module is the recorded one, that each leaf is included under
 * the recorded root, and that the words at the claimed position decode — through the module's
 * static map, rebuilt by instrumenting it with the recorded settings — to the claimed function,
 * byte offset, opcode, stack height and address. What the leaf alone cannot show is that the word
 * is a record boundary and the instruction's absolute index (both depend on the trace before it);
 * `backproof trace --from N` on the run confirms them by re-execution (docs/AUDIT.md).
 */
import { AuditError, UsageError } from '../errors.ts';
import { compileGuest, mnemonic, staticMap, traceFormatOf } from '../sandbox/index.ts';
import { equalBytes, fromHex, hashLeaf, inclusionProofFromLeafHashes, sha256, toHex, verifyInclusion, TraceError, TraceExpander } from '../../traces/index.ts';
import { toBigInt } from '../audit/codec.ts';
import { isoTime } from '../model/bars.ts';
import { sandboxConfigFor } from '../run/config.ts';
import { FILES, readRunFile } from '../run/rundir.ts';
import { callSiteOf, loadRecordedRun, openRecordedData, reexecute } from './reexecute.ts';
import { configFromRecord, openRecordBytes, recordedInstrumenter } from './opened-record.ts';

export const PROOF_FORMAT = 'backproof-instruction-proof/1';

export interface ProofBundle {
  format: string;
  claim: {
    instruction: number;
    /** The order this instruction placed (with --order). */
    order: number | null;
    /** Stream word index of the instruction's region record (its region id). */
    word: number;
    func: number;
    functionName: string | null;
    offset: number;
    opcode: number;
    name: string;
    stackHeight: number;
    address: number | null;
    callback: string | null;
    event: number | null;
    barTime: string | null;
    symbol: string | null;
  };
  chunkSize: number;
  treeSize: number;
  /** Hex. */
  root: string;
  leaves: { index: number; data: string; proof: string[] }[];
  /** Base64 of record.pb and of strategy.wasm. */
  record: string;
  module: string;
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
  let firstLeaf: number, lastLeaf: number;
  if (traceFormatOf(run.instrumenter) === 5) {
    // Format 5: an instruction follows from the whole stream before it, up to the data that showed it ran.
    firstLeaf = 0;
    lastLeaf = Math.min(run.leafHashes.length - 1, Math.floor((4 * rec.word - 1) / chunk));
  } else {
    // The region record: its id word, then one word per memory access of the region.
    const regionId = regionIdAt(found.map, rec.func, rec.offset);
    const lastByte = 4 * (rec.word + 1 + found.map.regionMemAccesses[regionId - 1]!) - 1;
    firstLeaf = Math.floor((4 * rec.word) / chunk);
    lastLeaf = Math.floor(lastByte / chunk);
  }
  const window = await reexecute({ ...base, keepFrom: firstLeaf * chunk, stopAt: (lastLeaf + 1) * chunk });
  const leaves: ProofBundle['leaves'] = [];
  for (let i = firstLeaf; i <= lastLeaf; i++) {
    const bytes = window.kept.subarray((i - firstLeaf) * chunk, (i - firstLeaf + 1) * chunk);
    if (!equalBytes(hashLeaf(bytes), run.leafHashes[i] ?? new Uint8Array(0)))
      throw new AuditError('VERIFY_FAILED', 'trace', `re-executed leaf ${i} does not hash to the stored leaf hash: this installation does not reproduce the run`);
    leaves.push({ index: i, data: Buffer.from(bytes).toString('base64'), proof: inclusionProofFromLeafHashes(i, run.leafHashes).map(toHex) });
  }
  const call = callSiteOf(found.calls, n);
  return {
    format: PROOF_FORMAT,
    claim: {
      instruction: n, order: opts.order ?? null, word: rec.word, func: rec.func, functionName: found.functionNames.get(rec.func) ?? null,
      offset: rec.offset, opcode: rec.opcode, name: mnemonic(rec.opcode), stackHeight: rec.stackHeight, address: rec.address,
      callback: call?.callback ?? null, event: call && call.callback !== 'init' ? call.event : null,
      barTime: call?.time != null ? isoTime(call.time) : null, symbol: call?.symbol || null,
    },
    chunkSize: chunk,
    treeSize: run.leafHashes.length,
    root: toHex(run.record.bodies.trace.root as Uint8Array),
    leaves,
    record: Buffer.from(await readRunFile(opts.dir, FILES.record, 'record')).toString('base64'),
    module: Buffer.from(run.wasm).toString('base64'),
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
}

const bad = (step: string, message: string): never => {
  throw new AuditError('PROOF_INVALID', step, message);
};

/** Checks a bundle offline. `trustedKey` requires the record to be signed by that key. */
export function verifyProofBundle(bundle: ProofBundle, trustedKey: Uint8Array | null): ProofCheck {
  if (!bundle || bundle.format !== PROOF_FORMAT) bad('format', `not a ${PROOF_FORMAT} bundle (format ${JSON.stringify(bundle?.format)})`);
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
  let format5: boolean;
  try {
    format5 = traceFormatOf(instrumenter) === 5;
  } catch (e) {
    return bad('record', (e as Error).message);
  }
  const module = b64(bundle.module, 'module');
  if (!equalBytes(sha256(module), record.bodies.strategy.wasmSha256 as Uint8Array)) bad('module', 'the module is not the recorded one');
  steps.push('module');
  const root = record.bodies.trace.root as Uint8Array;
  if (bundle.root !== toHex(root)) bad('root', `the bundle's root ${bundle.root} is not the recorded trace root ${toHex(root)}`);
  const size = Number(toBigInt(record.bodies.trace.leaves));
  if (bundle.treeSize !== size) bad('root', `tree size ${bundle.treeSize}, the record says ${size}`);
  const config = configFromRecord(record.bodies.config);
  if (bundle.chunkSize !== config.chunkSize) bad('root', `chunk size ${bundle.chunkSize}, the record says ${config.chunkSize}`);
  if (!Array.isArray(bundle.leaves) || bundle.leaves.length < 1 || (!format5 && bundle.leaves.length > 2)) bad('inclusion', 'a bundle carries one or two leaves');
  if (format5 && bundle.leaves[0]!.index !== 0) bad('inclusion', 'a format 5 bundle carries every leaf from the first');
  const datas: Uint8Array[] = [];
  for (const [i, leaf] of bundle.leaves.entries()) {
    if (i > 0 && leaf.index !== bundle.leaves[0]!.index + i) bad('inclusion', 'the leaves are not consecutive');
    const data = b64(leaf.data, `leaf ${leaf.index}`);
    if (!Array.isArray(leaf.proof) || leaf.proof.some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) bad('inclusion', `leaf ${leaf.index}: the path is not a list of hashes`);
    if (!Number.isSafeInteger(leaf.index) || !verifyInclusion(hashLeaf(data), leaf.index, size, leaf.proof.map(fromHex), root))
      bad('inclusion', `leaf ${leaf.index} is not included in the recorded trace root`);
    if (i < bundle.leaves.length - 1 && data.length !== config.chunkSize) bad('inclusion', `leaf ${leaf.index} is not a full leaf`);
    datas.push(data);
  }
  steps.push('inclusion');
  // Decode the claimed position with the module's static map.
  const c = bundle.claim;
  const guest = compileGuest(module, { ...sandboxConfigFor(config), instrumenter });
  const map = staticMap(module, guest.meta!);
  const claimed = { func: c.func, offset: c.offset, opcode: c.opcode, stackHeight: c.stackHeight, address: c.address };
  if (format5) {
    // Expanded from the stream's start, the instruction's index is shown too (format 4 leaves it to a re-execution).
    let actual: typeof claimed | null = null;
    const ex = new TraceExpander(map, (r) => void (actual = { func: r.func, offset: r.offset, opcode: r.opcode, stackHeight: r.stackHeight, address: r.address }), c.instruction, c.instruction + 1);
    try {
      for (const d of datas) ex.push(d);
      if (bundle.leaves.at(-1)!.index === size - 1) ex.end();
    } catch (e) {
      if (e instanceof TraceError) bad('instruction', `the bundled leaves are not a trace of this module: ${e.message}`);
      throw e;
    }
    if (actual === null) return bad('instruction', `the bundled leaves do not reach instruction ${c.instruction} (they hold ${ex.count})`);
    if (JSON.stringify(actual) !== JSON.stringify(claimed)) bad('instruction', `the trace decodes to ${JSON.stringify(actual)}, the claim is ${JSON.stringify(claimed)}`);
    if (c.name !== mnemonic(c.opcode)) bad('instruction', `opcode ${c.opcode} is ${mnemonic(c.opcode)}, not ${c.name}`);
    steps.push('instruction');
    return { runId: record.runId, signed: record.signed, publicKey: record.publicKey, instruction: c.instruction, steps };
  }
  const firstLeaf = bundle.leaves[0]!.index;
  const bytes = Buffer.concat(datas);
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
  const actual = { func: map.func[i]!, offset: map.offset[i]!, opcode: map.opcode[i]!, stackHeight: map.stackHeight[i]!, address };
  if (JSON.stringify(actual) !== JSON.stringify(claimed)) bad('instruction', `the trace decodes to ${JSON.stringify(actual)}, the claim is ${JSON.stringify(claimed)}`);
  if (c.name !== mnemonic(c.opcode)) bad('instruction', `opcode ${c.opcode} is ${mnemonic(c.opcode)}, not ${c.name}`);
  steps.push('instruction');
  return { runId: record.runId, signed: record.signed, publicKey: record.publicKey, instruction: c.instruction, steps };
}

/**
 * @module inspect/verify
 * `verify`: checks a run folder without re-executing the strategy — a straight pipeline of named
 * steps (record, signature, chain, config, strategy, [rebuild], data, trace, result, files); the
 * first failing step throws an AuditError naming that link and both values. Every file in the
 * folder is accounted for: bound by a hash in the record, or the exact rendering of bound bytes,
 * or an optional proof that is checked (log-inclusion.json, attestation.dsse.json, proof-<N>.json),
 * or package-lock.json, the strategy project's lockfile, whose SHA-256 the toolchain link records
 * — anything else is named as unverified (a failure under `strict`). Every field of the record
 * that the folder determines is recomputed; the trace's bytes, instructions and fuel need a
 * re-execution (replay). `openRecord` is shared with replay.
 */
import path from 'node:path';
import { lstat, open, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { AuditError, BuildError, DataError, SandboxError } from '../errors.ts';
import { encode, toBigInt } from '../audit/codec.ts';
import { encodeSnapshots, LINK_TYPES } from '../audit/record.ts';
import { keyFingerprint, verifyBytes } from '../audit/keys.ts';
import { renderSnapshotsJson, type Chunks } from '../audit/render.ts';
import { checkResult, streamedResult } from '../audit/codec.ts';
import { buildStrategy } from '../build/asc.ts';
import { cacheRoot } from '../build/cache-root.ts';
import { LOCKFILE, lockfileWithoutBackproof } from '../build/project.ts';
import type { TimeSource } from '../data/cache.ts';
import { openData, sourceOfFeed, type DataFeed } from '../data/load.ts';
import type { DataOptions } from '../data/options.ts';
import { singleStandIn, standInPaths, type DataStandIns } from '../data/stand-in.ts';
import { TIME_HI, TIME_LO, timeWords, type Bars, type BarSource } from '../model/bars.ts';
import { instrument, instrumentOptionsFor } from '../sandbox/index.ts';
import { equalBytes, fromHex, hashLeaf, rootFromLeafHashes, sha256, toHex, verifyInclusion } from '../../traces/index.ts';
import { configJson, configMessage, sandboxConfigFor } from '../run/config.ts';
import { FILES, readRunFile, RESULT_RENDERINGS, timelineOfSources } from '../run/rundir.ts';
import { missingLockfile, toolchainDifferences } from '../run/toolchain.ts';
import { noteKeyId, noteSignatures, parseCheckpoint, verifyEntryLogged, INCLUSION_FORMAT, type InclusionProof } from '../tlog/index.ts';
import type { Envelope } from '../audit/dsse.ts';
import { PROGRESS_DONE, PROGRESS_ENDED, PROGRESS_TOTAL, writeProgress, type ProgressCounter } from '../engine/progress.ts';
// Records are opened by inspect/opened-record, which attest and prove share: no import cycle.
import { lineAt, lineDiffMessage, textDiffMessage, visible } from './line-diff.ts';
import { openRecord, configFromRecord, dataOptionsFromRecord, recordedInstrumenter, type OpenedRecord, type RecordedDataFile } from './opened-record.ts';
// prove (which re-executes, loading the engine and the worker) and attest load only for a folder holding their files
import type { ProofBundle } from './prove.ts';
import { startSourceCheck, type SourceCheck } from './source-check.ts';
import { provenanceOf, stampDisagreements } from '../component/stamp.ts';
import { KEEP_LIMIT, startHashAhead, type HashAhead } from './hash-ahead.ts';
import { startVerifyThread, VERIFY_STREAM_THRESHOLD, type HashThread } from './hash-start.ts';
import { checkResultFile, countedFromCensus, RESULT_BLOCK } from './result-stream.ts';
import { hashedChunks, isRendered, RenderingCache, INSTRUMENTED_MODULE, type Rendered } from '../audit/rendering-cache.ts';
import { CandleBuilder, renderReport, reportFormatOf, reportGenerator, RowTally, streamedRows, REPORT_FILE, type ReportInput } from '../report/index.ts';
import type { BacktestResult, Trade } from '../model/trade.ts';
import type { OrderRecord } from '../model/order.ts';


const fail = (step: string, message: string): never => {
  throw new AuditError('VERIFY_FAILED', step, message);
};

/** A recorded count or size against what the folder gives: names the link, the field and both values. */
function expectField(link: string, field: string, recorded: bigint | number, actual: bigint | number, from: string): void {
  const same = typeof recorded === 'number' && typeof actual === 'number' && Number.isNaN(recorded) ? Number.isNaN(actual) : recorded === actual;
  if (!same) fail(link, `the ${link} link's ${field} is ${recorded}, ${from} gives ${actual}`);
}

function expectEqual(step: string, what: string, recorded: Uint8Array, actual: Uint8Array): void {
  if (!equalBytes(recorded, actual)) fail(step, `${what} is ${toHex(actual)}, the record says ${toHex(recorded)}`);
}

export interface VerifyOptions {
  dir: string;
  trustedKey?: Uint8Array | null;
  /** Copies of the data read instead of the recorded paths: one per recorded file, in order or SYMBOL=FILE (data/stand-in). */
  dataPath?: DataStandIns;
  /** Fail when any file of the folder is left unverified. */
  strict?: boolean;
  /** Rebuild the module from sources/ with this installation's asc and compare the bytes. */
  rebuild?: boolean;
  /** A log's verifier key: the record must be in that log (proof: logProof, or the folder's log-inclusion.json). */
  log?: { name: string; publicKey: Uint8Array } | null;
  logProof?: string;
  /** Where the steps passed so far are counted, for a progress display (engine/progress: done, total, ended). */
  progress?: ProgressCounter;
  /**
   * A result.pb larger than `above` bytes is not held by the hashing thread, and when no rendering reads its
   * rows it is checked as it is read, `block` bytes at a time (inspect/result-stream). Default: hash-ahead's
   * KEEP_LIMIT and RESULT_BLOCK; tests set small ones, to cross block boundaries everywhere.
   */
  resultStream?: { above: number; block: number };
}

export interface VerifyReport {
  runId: string;
  signed: boolean;
  keyFingerprint: string | null;
  steps: string[];
  /** How this installation's toolchain differs from the recorded one (informative: verify does not execute). */
  toolchainDifferences: string[];
  traceRoot: string;
  resultSha256: string;
  /** Files of the folder (forward slashes) that nothing in the record binds, each with why. */
  unverified: { file: string; why: string }[];
  /** The log inclusion checked, when a proof was present or asked for. */
  logged: { index: number; size: number; origin: string; signedBy: 'vkey' | 'record key' | null } | null;
}

/** Every file and empty folder ("a/b/") under `dir`, as forward-slash paths relative to it, in byte order; anything but a regular file or folder fails. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel)).catch((e) => fail('files', `cannot list ${rel || dir}: ${(e as NodeJS.ErrnoException).code}`));
    // an empty folder is an entry the record does not account for, like a file: listed as "<folder>/"
    if (entries.length === 0 && rel) out.push(`${rel}/`);
    for (const name of entries) {
      const r = rel ? `${rel}/${name}` : name;
      const st = await lstat(path.join(dir, r));
      if (st.isDirectory()) await walk(r);
      else if (st.isFile()) out.push(r);
      else fail('files', `${r} is not a regular file (a link or device has no place in a run folder)`);
    }
  };
  await walk('');
  return out.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
}

const textOf = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

/** Where `actual` first differs from `expected`, by line. */
function expectText(step: string, name: string, expected: string, actual: string, from: string): void {
  const message = textDiffMessage(name, expected, actual, from);
  if (message !== null) fail(step, message);
}

const NEWLINE = 10;

/**
 * File `name` of run folder `dir` against a streamed rendering, read and compared chunk by chunk
 * (never whole: a CSV of a long run is hundreds of MB); fails as expectText does, naming the first
 * line that differs with both texts.
 */
export async function expectRendering(step: string, dir: string, name: string, chunks: Chunks, from: string): Promise<void> {
  const file = path.join(dir, name);
  const st = await lstat(file).catch(() => null);
  if (!st) fail(step, `${name} is missing from run folder ${dir}`);
  if (!st!.isFile()) fail(step, `${name} is not a regular file`);
  const fh = await open(file, 'r');
  try {
    let scratch = Buffer.alloc(0);
    let offset = 0; // of the chunk in the file
    let line = 1; // the line the chunk starts in
    let lineStart = 0; // that line's offset
    let partial: Buffer[] = []; // the expected bytes of that line before the chunk
    /** Reads up to n bytes at `at` into scratch; returns how many there were. */
    const readAt = async (at: number, n: number): Promise<number> => {
      if (scratch.length < n) scratch = Buffer.alloc(Math.max(n, 2 * scratch.length));
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(scratch, got, n - got, at + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got;
    };
    const differs = async (chunk: Uint8Array, d: number, rest: Chunks): Promise<never> => {
      // the line holding byte d of the chunk: its number, the expected text, the file's text
      let n = line, start = lineStart, lastNl = -1;
      for (let i = 0; i < d; i++) if (chunk[i] === NEWLINE) { n++; lastNl = i; }
      if (lastNl >= 0) { start = offset + lastNl + 1; partial = []; }
      const wanted: Uint8Array[] = [...partial, Buffer.from(chunk.subarray(lastNl + 1))];
      for (let c = chunk.subarray(lastNl + 1); !c.includes(NEWLINE); ) {
        const next = rest.next();
        if (next.done) break;
        c = Buffer.from(next.value);
        wanted.push(c);
      }
      const want = lineAt(Buffer.concat(wanted).toString('utf8'), true);
      const window = Math.min(1 << 16, Buffer.byteLength(want?.text ?? '') + 4096);
      const read = await readAt(start, window);
      return fail(step, lineDiffMessage(name, n, lineAt(scratch.subarray(0, read).toString('utf8'), read < window), want, from));
    };
    for (const chunk of chunks) {
      const got = await readAt(offset, chunk.length);
      const same = got === chunk.length && Buffer.compare(scratch.subarray(0, got), chunk) === 0;
      if (!same) {
        let d = 0;
        while (d < got && scratch[d] === chunk[d]) d++;
        await differs(chunk, d, chunks);
      }
      const lastNl = chunk.lastIndexOf(NEWLINE);
      if (lastNl >= 0) {
        for (let i = 0; i <= lastNl; i++) if (chunk[i] === NEWLINE) line++;
        lineStart = offset + lastNl + 1;
        partial = [Buffer.from(chunk.subarray(lastNl + 1))];
      } else partial.push(Buffer.from(chunk));
      offset += chunk.length;
    }
    if ((await readAt(offset, 1)) > 0) {
      const read = await readAt(lineStart, 1 << 16);
      const got = lineAt(scratch.subarray(0, read).toString('utf8'), read < 1 << 16);
      fail(step, lineDiffMessage(name, line, got, lineAt(Buffer.concat(partial).toString('utf8'), true), from));
    }
  } finally {
    await fh.close();
  }
}

/**
 * report.html must be exactly the report rendered from the files verified above, in the format its
 * generator line names when this installation renders that one (an older page is rendered as it was).
 * One rendered by another report format or chart library version cannot be rendered again here: it
 * is named unverified, not failed.
 */
function checkReport(text: string, input: ReportInput, unverified: VerifyReport['unverified']): boolean {
  const format = reportFormatOf(text); // an older format this installation renders is rendered as it was
  const expected = renderReport({ ...input, format });
  if (text === expected) return true;
  const generator = /<meta name="generator" content="([^"]*)">/.exec(text.slice(0, 4096))?.[1];
  if (generator !== undefined && generator !== reportGenerator(format)) {
    unverified.push({ file: REPORT_FILE, why: `rendered by ${generator}, this installation renders ${reportGenerator()} (render it again with backproof report)` });
    return false;
  }
  let i = 0;
  while (i < text.length && text[i] === expected[i]) i++;
  return fail('files', `${REPORT_FILE} is not the report of this run: it differs at character ${i}: ${visible(text.slice(i, i + 40))} vs ${visible(expected.slice(i, i + 40))} (render it again with backproof report)`);
}

/** `r` whose trades and orders are passed to `tally` as they are iterated; `passes` counts the iterations begun. */
function tallied(r: BacktestResult, tally: RowTally): { result: BacktestResult; passes: () => number } {
  let passes = 0;
  const trades = { *[Symbol.iterator](): Generator<Trade> { passes++; for (const t of r.trades) { tally.trade(t); yield t; } } };
  const orders = { *[Symbol.iterator](): Generator<OrderRecord> { passes++; for (const o of r.orders) { tally.order(o); yield o; } } };
  const result = Object.create(r, { trades: { value: trades, enumerable: true }, orders: { value: orders, enumerable: true } }) as BacktestResult;
  return { result, passes: () => passes };
}

/** snapshots.json back to the snapshot list (the times are re-rendered, not read). */
function parseSnapshots(text: string): { bar: number; hash: Uint8Array }[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (e) {
    return fail('trace', `${FILES.snapshots} is not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(list)) return fail('trace', `${FILES.snapshots} is not a list`);
  return list.map((x: { bar?: unknown; sha256?: unknown }, i) => {
    if (!Number.isSafeInteger(x?.bar) || (x.bar as number) < 0 || typeof x.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(x.sha256))
      fail('trace', `${FILES.snapshots} entry ${i} is not {bar, time, sha256}`);
    return { bar: x.bar as number, hash: fromHex(x.sha256 as string) };
  });
}

/**
 * The bars snapshots.json names, ascending, read leniently before the data step (which keeps only their
 * times: SparseTimeline); null when it does not read as a list of them (the trace step then says why).
 */
async function snapshotBarsOf(dir: string): Promise<number[] | null> {
  try {
    const list: unknown = JSON.parse(textOf(await readRunFile(dir, FILES.snapshots, 'trace')));
    if (!Array.isArray(list) || !list.every((x: { bar?: unknown }) => Number.isSafeInteger(x?.bar) && (x.bar as number) >= 0)) return null;
    return list.map((x: { bar: number }) => x.bar).sort((a, b) => a - b);
  } catch {
    return null;
  }
}

/**
 * A log inclusion proof for this record: with the log's verifier key, checked in full; without
 * it, checked in full if the checkpoint is signed by the record's key, else the entry and the
 * Merkle path against the checkpoint's root are checked and the checkpoint's signature is left
 * unverified. A signature line counts as the record key's when its key ID is that key's under
 * the line's name or under the origin, or when its signature verifies under that key: so one
 * edited byte of the origin, the name or the key ID cannot make a known signer look unknown.
 */
function checkLogInclusion(rec: OpenedRecord, proofText: string, file: string, inFolder: boolean, vkey: VerifyOptions['log'], unverified: VerifyReport['unverified']): NonNullable<VerifyReport['logged']> {
  let proof: InclusionProof;
  try {
    proof = JSON.parse(proofText) as InclusionProof;
  } catch (e) {
    return fail('log', `${file} is not JSON: ${(e as Error).message}`);
  }
  if (inFolder && JSON.stringify(proof, null, 2) + '\n' !== proofText) fail('log', `${file} is not in its canonical form (JSON, 2-space indent, as "backtest --log" writes it)`);
  const entry = sha256(rec.raw);
  if (vkey) {
    const c = verifyEntryLogged(entry, proof, vkey.name, vkey.publicKey);
    return { index: proof.index, size: c.size, origin: c.origin, signedBy: 'vkey' };
  }
  const note = typeof proof?.checkpoint === 'string' ? noteSignatures(proof.checkpoint) : null;
  if (!note) return fail('log', `${file}: the checkpoint is not a signed note (text, a blank line, signature lines "— <name> <base64>")`);
  const c = parseCheckpoint(note.text);
  if (!c) return fail('log', `${file}: the checkpoint does not parse`);
  if (rec.signed) {
    const textBytes = Buffer.from(note.text, 'utf8');
    const originId = noteKeyId(c.origin, rec.publicKey);
    const named = note.signatures.find((g) => equalBytes(g.keyId, noteKeyId(g.name, rec.publicKey)) || equalBytes(g.keyId, originId) || verifyBytes(textBytes, g.signature, rec.publicKey));
    if (named) {
      try {
        verifyEntryLogged(entry, proof, c.origin, rec.publicKey);
      } catch (e) {
        return fail('log', `${file}: the checkpoint's signature line "${named.name}" is the record's key (key ID ${toHex(originId)} for origin ${c.origin}) and does not check: ${(e as Error).message}`);
      }
      return { index: proof.index, size: c.size, origin: c.origin, signedBy: 'record key' };
    }
  }
  if (proof.format !== INCLUSION_FORMAT) fail('log', `${file} is not a ${INCLUSION_FORMAT} proof`);
  if (proof.entry !== toHex(entry)) fail('log', `${file} proves entry ${proof.entry}, this record.pb hashes to ${toHex(entry)}`);
  const path_ = Array.isArray(proof.proof) && proof.proof.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) ? proof.proof.map(fromHex) : null;
  if (!path_ || proof.size !== c.size || !Number.isSafeInteger(proof.index) || proof.index < 0 || proof.index >= c.size || !verifyInclusion(hashLeaf(entry), proof.index, c.size, path_, c.root))
    fail('log', `${file}: entry ${proof.index} is not included in the checkpoint's tree`);
  unverified.push({ file, why: `the log checkpoint is signed by key ID ${note.signatures.map((g) => `${toHex(g.keyId)} (${g.name})`).join(', ')}, not the record's key: its signature is not checked (pass --vkey with the log's verifier key)` });
  return { index: proof.index, size: c.size, origin: c.origin, signedBy: null };
}

/** The files `attest` and `prove` write into a run folder when not told --out. */
const ATTESTATION_FILE = 'attestation.dsse.json';
const PROOF_FILE = /^proof-(0|[1-9][0-9]*)\.json$/;

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
/** Base64 as it decodes and re-encodes: a string that differs from it has bits the decoder drops. */
const canonicalB64 = (s: unknown): unknown => (typeof s === 'string' ? b64(Buffer.from(s, 'base64')) : s);

function parseDerived<T>(step: string, file: string, bytes: Uint8Array): { value: T; text: string } {
  const text = textOf(bytes);
  try {
    return { value: JSON.parse(text) as T, text };
  } catch (e) {
    return fail(step, `${file} is not JSON: ${(e as Error).message}`);
  }
}

/** Its checks as AuditErrors of this step, naming the file. */
function asStep(step: string, file: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof AuditError) fail(step, `${file}: ${e.step}: ${e.message}`);
    throw e;
  }
}

/** The attestation `attest` writes: verify-attestation's checks under this record's key, of this record.pb, in the form attest writes. */
async function checkAttestationFile(rec: OpenedRecord, bytes: Uint8Array): Promise<void> {
  const file = ATTESTATION_FILE;
  const { verifyAttestation } = await import('./attest.ts');
  const { value: env, text } = parseDerived<Envelope>('attestation', file, bytes);
  if (!rec.signed) fail('attestation', `${file}: the record is unsigned, so no attestation of it can verify`);
  asStep('attestation', file, () => verifyAttestation(env, rec.publicKey));
  const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { predicate: { recordPb: string } };
  if (st.predicate.recordPb !== b64(rec.raw)) fail('attestation', `${file} attests another record.pb than this folder's`);
  const sig = env.signatures.length === 1 ? env.signatures[0]! : null;
  const canonical = { payloadType: env.payloadType, payload: env.payload, signatures: [{ keyid: keyFingerprint(rec.publicKey), sig: canonicalB64(sig?.sig) }] };
  if (!sig || JSON.stringify(canonical, null, 2) + '\n' !== text) fail('attestation', `${file} is not in the form attest writes (JSON, 2-space indent, one signature keyed by the record's key fingerprint)`);
}

/** A proof bundle `prove` writes: verify-proof's checks pinned to this record's key, carrying this record.pb and module, in the form prove writes. */
async function checkProofFile(rec: OpenedRecord, wasm: Uint8Array, file: string, bytes: Uint8Array): Promise<void> {
  const { value: bundle, text } = parseDerived<ProofBundle>('proof', file, bytes);
  const { verifyProofBundle } = await import('./prove.ts');
  asStep('proof', file, () => verifyProofBundle(bundle, rec.signed ? rec.publicKey : null));
  if (bundle.record !== b64(rec.raw)) fail('proof', `${file} carries another record.pb than this folder's`);
  if (bundle.module !== b64(wasm)) fail('proof', `${file} carries another module than this folder's ${FILES.wasm}`);
  if (`proof-${bundle.claim.instruction}.json` !== file) fail('proof', `${file} proves instruction ${bundle.claim.instruction}`);
  const canonical = { ...bundle, leaves: bundle.leaves.map((l) => ({ ...l, data: canonicalB64(l.data) })) };
  if (JSON.stringify(canonical, null, 2) + '\n' !== text) fail('proof', `${file} is not in the form prove writes (JSON, 2-space indent, canonical base64)`);
}

/** Rebuilds the module from sources/ (under the recorded asc flags) and compares the bytes with the recorded module. */
async function rebuildCheck(dir: string, rec: OpenedRecord, wasm: Uint8Array): Promise<void> {
  const t = rec.bodies.toolchain;
  const sources = (rec.bodies.strategy.sources as { path: string }[]) ?? [];
  if (sources.length === 0) fail('rebuild', 'the run was made from a .wasm: no sources are recorded to rebuild from');
  const differences = toolchainDifferences(t).filter((d) => d.startsWith('assemblyscript:'));
  if (differences.length > 0) throw new AuditError('TOOLCHAIN_MISMATCH', 'rebuild', `cannot rebuild under another compiler — ${differences.join('; ')}`);
  const root = path.join(dir, FILES.sources);
  let built;
  try {
    built = await buildStrategy(path.join(root, ...sources[0]!.path.split('/')), (t.ascFlags as string[]) ?? [], { confine: root });
  } catch (e) {
    if (e instanceof BuildError) return fail('rebuild', `the recorded sources do not build: ${e.message}`);
    throw e;
  }
  const readBack = built.sources.map((f) => f.path).join(', ');
  const recorded = sources.map((f) => f.path).join(', ');
  if (readBack !== recorded) fail('rebuild', `the build read [${readBack}], the record lists [${recorded}]`);
  expectEqual('rebuild', `SHA-256 of the module rebuilt from ${FILES.sources}/`, sha256(wasm), sha256(built.wasm));
}

/**
 * The data step: every recorded data file read the way the run read it (or the copy `standIn` gives
 * for it: data/stand-in), checked against the data link (SHA-256, size, bars); and each event's time in
 * the run's order — the timeline the result's equity points and equity.csv's time column follow.
 * A data file that cannot be read fails the data step, or (`missing: 'data error'`) is a DataError.
 * With `candles`, each file's chart candles for report.html are made in the same pass (feeds[k].candles).
 * With `keep` (bar indices, ascending), a single file's timeline keeps only those bars' times (SparseTimeline).
 */
export async function recordedTimeline(rec: OpenedRecord, standIn?: DataStandIns, missing?: 'fail' | 'data error', candles?: boolean): Promise<{ timeline: BigInt64Array; feeds: ReportInput['feeds'] }>;
export async function recordedTimeline(rec: OpenedRecord, standIn: DataStandIns, missing: 'fail' | 'data error', candles: boolean, keep: readonly number[] | null, ahead?: HashAhead['data']): Promise<{ timeline: BigInt64Array | SparseTimeline; feeds: ReportInput['feeds'] }>;
export async function recordedTimeline(rec: OpenedRecord, standIn?: DataStandIns, missing: 'fail' | 'data error' = 'fail', candles = false, keep: readonly number[] | null = null, ahead: HashAhead['data'] = null): Promise<{ timeline: BigInt64Array | SparseTimeline; feeds: ReportInput['feeds'] }> {
  const b = rec.bodies;
  const files = (b.data.files as RecordedDataFile[]) ?? [];
  if (files.length === 0) fail('data', 'no data files recorded');
  const copies = standInPaths(files, standIn, rec.runId);
  const sources: TimeSource[] = [];
  const barCounts: number[] = [];
  const symbols: string[] = [];
  const reportFeeds: ReportInput['feeds'][number][] = [];
  let byteLength = 0;
  const opened = async (k: number, dataPath: string, options: DataOptions): Promise<DataFeed> => {
    try {
      return await openData(dataPath, options, VERIFY_STREAM_THRESHOLD);
    } catch (e) {
      if (e instanceof DataError && e.code === 'DATA_NOT_FOUND') {
        // the recorded path may have moved (--data points at a copy); a file given with --data is simply unreadable
        const message = copies[k] !== undefined ? `${e.message} (the file given with --data)` : `${e.message} (the run read it there, relative to the folder it was run in; pass --data to point at a copy${files.length > 1 ? ', one per recorded file' : ''})`;
        if (missing === 'data error') throw new DataError('DATA_NOT_FOUND', message, { cause: e });
        return fail('data', message);
      }
      throw e;
    }
  };
  const expectHashed = (k: number, dataPath: string, got: { sha256: string; byteLength: number }): void => {
    expectEqual('data', `SHA-256 of ${dataPath}`, files[k]!.sha256, fromHex(got.sha256));
    expectField('data', `files[${k}].size`, toBigInt(files[k]!.size), BigInt(got.byteLength), dataPath);
  };
  // A file hashed ahead (inspect/hash-ahead: its times read from the column cache of its recorded hash
  // meanwhile) is checked once its hash is in, before its times or an error reading them count; a file
  // the thread could not hash is opened here, and fails as it would have.
  const settleAhead = async (): Promise<void> => {
    if (!ahead) return;
    const dataPath = copies[0] ?? files[0]!.path;
    expectHashed(0, dataPath, (await ahead.hashed) ?? (await opened(0, dataPath, dataOptionsFromRecord(files[0]!))));
  };
  for (const [k, df] of files.entries()) {
    const dataPath = copies[k] ?? df.path;
    let feed: DataFeed;
    if (ahead && k === 0) feed = ahead.feed; // (ahead only for a run with one data file)
    else {
      feed = await opened(k, dataPath, dataOptionsFromRecord(df));
      expectHashed(k, dataPath, feed);
    }
    byteLength = feed.byteLength;
    const drawn = candles ? new CandleBuilder(Number(toBigInt(df.bars))) : null;
    reportFeeds.push(drawn ? { open: () => sourceOfFeed(feed), candles: drawn.candles } : { open: () => sourceOfFeed(feed) });
    symbols.push(feed.symbol);
    barCounts.push(0);
    if (ahead && k === 0 && !drawn) {
      // No candles: only the times are read (the column cache's time columns when they check), counted.
      const times = ahead.times();
      sources.push({ next: () => {
        const c = times.next();
        if (c) barCounts[k] = barCounts[k]! + c.time.length;
        return c;
      } });
      continue;
    }
    // Counted as the timeline is built from it (a streamed file is read once), and drawn as candles.
    const src = sourceOfFeed(feed);
    // A single file's chunk is done with once the next is read (timelineOfOne and the candles copy what
    // they keep): handed back to a source that takes chunks back (a column cache reads a later group into it).
    const recycling = files.length === 1 ? (src as BarSource & { recycle?(chunk: Bars): void }) : null;
    let previous: Bars | null = null;
    const counted: BarSource = {
      next: () => {
        const c = src.next();
        if (previous) recycling?.recycle?.(previous);
        previous = c;
        if (c) {
          barCounts[k] = barCounts[k]! + c.time.length;
          drawn?.add(c);
        }
        return c;
      },
    };
    if (src.estimatedLength) counted.estimatedLength = () => src.estimatedLength!();
    sources.push(counted);
  }
  // The recorded symbol names order events at one instant, as they did in the run.
  const expected = Math.min(Number(toBigInt(files[0]!.bars)), Math.max(1 << 16, byteLength));
  let timeline: BigInt64Array | SparseTimeline;
  try {
    timeline = files.length === 1
      ? (keep ? timelineOfOne(sources[0]!, expected, keep) : timelineOfOne(sources[0]!, expected))
      : timelineOfSources(sources as BarSource[] /* (times alone only for a single file) */, files.map((f) => toBigInt(f.periodNs)), files.map((f, k) => f.symbol ?? symbols[k]!));
  } catch (e) {
    await settleAhead(); // a file that does not hash as recorded is the failure
    throw e;
  }
  await settleAhead();
  for (const [k, df] of files.entries()) expectField('data', `files[${k}].bars`, toBigInt(df.bars), BigInt(barCounts[k]!), copies[k] ?? df.path);
  return { timeline, feeds: reportFeeds };
}

/**
 * Some bars' times of a timeline, and how many bars it has: what verify keeps when nothing it checks
 * reads every time (no equity.csv, report.html absent or remembered): snapshots.json reads a few.
 */
export class SparseTimeline {
  readonly length: number;
  private readonly kept: Map<number, bigint>;
  constructor(length: number, kept: Map<number, bigint>) {
    this.length = length;
    this.kept = kept;
  }
  /** The time of bar `bar` if it was kept (or past the end: null), else undefined. */
  get(bar: number): bigint | null | undefined {
    return bar >= this.length ? null : this.kept.get(bar);
  }
}

/** The largest run file read (run/rundir readRunFile refuses a larger one): a larger result.pb is left to it, to fail as before. */
const READ_LIMIT = 1 << 30;

/** The times given to a rendering that reads none (only equity.csv reads them). */
const NO_TIMES = new BigInt64Array(0);

const timeOfWords = (hi: number, lo: number): bigint => (BigInt(hi) << 32n) | BigInt(lo >>> 0);

/**
 * engine/events eventTimes for a single feed: each bar's time, never earlier than the one before
 * (a feed read with duplicates kept may repeat a time), in one array sized for `expected` bars (grown
 * when there are more), without the event queue a merge of several feeds needs; compared and copied
 * as 32-bit words (model/bars timeWords), no BigInt per bar. With `keep` (bar indices, ascending),
 * only those bars' times are kept: a SparseTimeline.
 */
export function timelineOfOne(source: TimeSource, expected: number): BigInt64Array;
export function timelineOfOne(source: TimeSource, expected: number, keep: readonly number[]): SparseTimeline;
export function timelineOfOne(source: TimeSource, expected: number, keep?: readonly number[]): BigInt64Array | SparseTimeline {
  let out = keep ? null : new BigInt64Array(Math.max(1, expected));
  let words = out ? timeWords(out) : null;
  const kept = new Map<number, bigint>();
  let want = 0; // the next kept bar's place in `keep`
  let k = 0;
  let lastHi = 0, lastLo = 0; // the latest time so far, its words (lo compared unsigned)
  for (let c = source.next(); c; c = source.next()) {
    const n = c.time.length;
    if (!out && want === keep!.length) {
      k += n; // (every kept bar is behind: the rest are only counted)
      continue;
    }
    const w = timeWords(c.time);
    if (out && k + n > out.length) {
      const grown = new BigInt64Array(Math.max(2 * out.length, k + n));
      grown.set(out.subarray(0, k));
      out = grown;
      words = timeWords(out);
    }
    if (k === 0 && n > 0) {
      lastHi = w[TIME_HI]!;
      lastLo = w[TIME_LO]!;
    }
    for (let i = 0; i < n; i++, k++) {
      const hi = w[2 * i + TIME_HI]!, lo = w[2 * i + TIME_LO]!;
      if (hi > lastHi || (hi === lastHi && lo >>> 0 > lastLo >>> 0)) {
        lastHi = hi;
        lastLo = lo;
      }
      if (words) {
        words[2 * k + TIME_HI] = lastHi;
        words[2 * k + TIME_LO] = lastLo;
      } else if (want < keep!.length && keep![want]! <= k) {
        while (want < keep!.length && keep![want]! < k) want++; // (repeated bars)
        if (keep![want] === k) {
          kept.set(k, timeOfWords(lastHi, lastLo));
          want++;
        }
      }
    }
  }
  if (!out) return new SparseTimeline(k, kept);
  return k === out.length ? out : out.slice(0, k);
}

/**
 * `started`: the hashing thread, when the caller started it (startVerifyThread with this folder and `dataPath`,
 * before loading this module: inspect/index verifyRun); else it is started here.
 */
export async function verifyRun(opts: VerifyOptions, started?: HashThread | null): Promise<VerifyReport> {
  // the hashing thread boots while the record is opened, and reads and hashes result.pb meanwhile (its
  // recorded size is checked once the record is open); the rest of its job is given once the record says what to hash
  const keepUpTo = Math.min(opts.resultStream?.above ?? KEEP_LIMIT, KEEP_LIMIT);
  // (and the data file record.json names, before the record binds it: taken only if the record names it too;
  // and the renderings, when they may be remembered)
  const renderings = cacheRoot() === null ? [] : [...RESULT_RENDERINGS.map((f) => f.name), REPORT_FILE];
  const thread = started !== undefined ? started : startVerifyThread(opts.dir, singleStandIn(opts.dataPath), opts.resultStream?.above, renderings);
  let sourceCheck: SourceCheck | null = null;
  let ahead: HashAhead | null = null;
  try {
    const rec = await openRecord(opts.dir, opts.trustedKey ?? null);
    // the sources' normalization starts now on another thread (inspect/source-check); its answers are awaited at the strategy step
    // (a check that passed before is remembered under the cache folder, by verify or by the build: build/normalized-cache)
    const recordedSources = (rec.bodies.strategy.sources as { path: string; normalizedSha256?: Uint8Array }[]) ?? [];
    const sources = await Promise.all(recordedSources.map(async (src) => ({
      path: src.path,
      text: await readRunFile(opts.dir, `${FILES.sources}/${src.path}`, 'strategy').catch(() => null),
      recorded: src.normalizedSha256 ?? new Uint8Array(0),
    })));
    sourceCheck = startSourceCheck(sources, cacheRoot());
    // the data file (when its column cache is there), result.pb and the renderings (when they may be remembered) are hashed on another thread from now (inspect/hash-ahead)
    const resultSize = Number(toBigInt(rec.bodies.result.size));
    const keep = resultSize <= keepUpTo ? { name: FILES.result, size: resultSize } : null;
    const recordedFiles = (rec.bodies.data.files as RecordedDataFile[]) ?? [];
    ahead = startHashAhead(recordedFiles, recordedFiles.length === 1 ? standInPaths(recordedFiles, opts.dataPath, rec.runId)[0] : undefined, VERIFY_STREAM_THRESHOLD, opts.dir, keep, renderings, thread);
    return await verifyOpened(opts, rec, sourceCheck, ahead, new Map(sources.flatMap((src) => (src.text ? [[src.path, src.text] as const] : []))));
  } finally {
    sourceCheck?.close();
    if (ahead) ahead.close();
    else void thread?.worker.terminate(); // (nothing to hash, or verify failed before it knew what to)
  }
}

/** `sourceTexts`: the sources as read when the record was opened (the bytes the source check was given), by recorded path. */
async function verifyOpened(opts: VerifyOptions, rec: OpenedRecord, sourceCheck: SourceCheck, ahead: HashAhead | null, sourceTexts: ReadonlyMap<string, Uint8Array>): Promise<VerifyReport> {
  const dir = opts.dir;
  const steps = ['record', 'signature', 'chain'];
  // config, strategy, [rebuild], data, trace, result, files: counted as they pass, for a progress display.
  const progress = opts.progress;
  if (progress) {
    writeProgress(progress, PROGRESS_TOTAL, steps.length + (opts.rebuild ? 7 : 6));
    writeProgress(progress, PROGRESS_DONE, steps.length);
  }
  const passed = (step: string): void => {
    steps.push(step);
    if (progress) writeProgress(progress, PROGRESS_DONE, steps.length);
  };
  const b = rec.bodies;
  const renderings = new RenderingCache(cacheRoot(), rec.raw, reportGenerator);
  /** File `name` is its remembered rendering: as the hashing thread found it, else read here. */
  const renderedAsRemembered = async (name: string, remembered: Rendered): Promise<boolean> => (await ahead?.isRendered(name, remembered)) ?? isRendered(path.join(dir, name), remembered);
  /** Files checked so far; whatever the folder holds beyond them is unverified. */
  const covered = new Set<string>([FILES.record]);
  const read = async (name: string, step: string): Promise<Uint8Array> => {
    covered.add(name);
    return readRunFile(dir, name, step);
  };

  // config: config.json is exactly the rendering of the recorded config, and renders all of it
  const config = configFromRecord(b.config);
  expectEqual('config', 'the config link re-encoded from its readable form', encode(LINK_TYPES.config, b.config), encode(LINK_TYPES.config, configMessage(config)));
  expectText('config', FILES.config, configJson(config), textOf(await read(FILES.config, 'config')), 'the config link');
  passed('config');

  // strategy: original module, its instrumentation, and sources
  const s = b.strategy;
  const wasm = await read(FILES.wasm, 'strategy');
  expectEqual('strategy', `SHA-256 of ${FILES.wasm}`, s.wasmSha256 as Uint8Array, sha256(wasm));
  // A module `backproof build` stamped says what built it (component/stamp): that must be what the links say.
  // Read as every reader reads it (sandbox/instrument/producers): a section two tools could read two ways fails here.
  let stamp: ReturnType<typeof provenanceOf>;
  try {
    stamp = provenanceOf(wasm);
  } catch (e) {
    if (!(e instanceof SandboxError)) throw e;
    return fail('strategy', `${FILES.wasm}'s producers section is refused (${e.code}): ${e.message}`);
  }
  const disagreements = stamp ? stampDisagreements(stamp, b.toolchain, (s.sources as { path: string; sha256: Uint8Array }[]) ?? []) : [];
  if (disagreements.length > 0) return fail('strategy', `${FILES.wasm}'s provenance stamp (its producers section) disagrees with the record: ${disagreements.join('; ')}`);
  // The module as instrumented under the record's settings: remembered by the rendering cache under this record
  // (by the run that instrumented it, or a verify that instrumented it again) when that is the recorded hash and
  // size; else instrumented again here, and remembered when it gives them ("What verify and replay trust").
  const remembered = await renderings.remembered(INSTRUMENTED_MODULE);
  if (remembered !== null && BigInt(remembered.size) === toBigInt(s.instrumentedSize) && remembered.sha256 === toHex(s.instrumentedSha256 as Uint8Array)) {
    expectField('strategy', 'wasmSize', toBigInt(s.wasmSize), BigInt(wasm.length), FILES.wasm);
  } else {
    let instrumented: Uint8Array;
    try {
      // Under the recorded instrumenter (its trace format): a run made before version 5 verifies as it did.
      instrumented = instrument(wasm, instrumentOptionsFor({ ...sandboxConfigFor(config), instrumenter: recordedInstrumenter(b.toolchain) })).wasm;
    } catch (e) {
      return fail('strategy', `${FILES.wasm} cannot be instrumented: ${(e as Error).message}`);
    }
    expectField('strategy', 'wasmSize', toBigInt(s.wasmSize), BigInt(wasm.length), FILES.wasm);
    const instrumentedSha256 = sha256(instrumented);
    expectEqual('strategy', 'SHA-256 of the instrumented module', s.instrumentedSha256 as Uint8Array, instrumentedSha256);
    expectField('strategy', 'instrumentedSize', toBigInt(s.instrumentedSize), BigInt(instrumented.length), 'the instrumented module');
    await renderings.remember(INSTRUMENTED_MODULE, { size: instrumented.length, sha256: toHex(instrumentedSha256) });
  }
  // each source's normalization is answered by the source-check thread while the steps after this one
  // run; awaited in order, so a source that fails is still this step's failure (see below)
  let normalized: Promise<void> = Promise.resolve();
  // every source's answer, settled before verify ends either way: a check that passes is remembered by then
  // (an earlier source's failure skips the rest of `normalized`, not their remembering)
  const answers: Promise<unknown>[] = [];
  const settled = (): Promise<unknown> => Promise.allSettled(answers);
  for (const src of (s.sources as { path: string; sha256: Uint8Array; normalizedSha256: Uint8Array }[]) ?? []) {
    const name = `${FILES.sources}/${src.path}`;
    try {
      // (read once: a source that could not be read then is read here, to fail as it does)
      const text = sourceTexts.get(src.path) ?? (await read(name, 'strategy'));
      covered.add(name);
      expectEqual('strategy', `SHA-256 of source ${src.path}`, src.sha256, sha256(text));
      const answer = sourceCheck.normalizedSha256(src.path, text, src.normalizedSha256 ?? new Uint8Array(0));
      normalized = normalized.then(async () => {
        let normalizedSha256: Uint8Array;
        try {
          normalizedSha256 = await answer;
        } catch (e) {
          if (e instanceof BuildError) return fail('strategy', `source ${src.path} does not parse: ${e.message}`);
          throw e;
        }
        expectEqual('strategy', `normalizedSha256 of source ${src.path} (its AST printed back)`, src.normalizedSha256 ?? new Uint8Array(0), normalizedSha256);
      });
      answer.catch(() => {}); // awaited through `normalized`
      answers.push(answer);
    } catch (e) {
      await settled();
      await normalized; // an earlier source's failure comes first
      throw e;
    }
  }
  normalized.catch(() => {}); // awaited below, after the steps it overlaps
  passed('strategy');
  const afterStrategy = async (): Promise<VerifyReport> => {
    if (opts.rebuild) {
      await rebuildCheck(dir, rec, wasm);
      passed('rebuild');
    }

    // data: every file, read the way it was read for the run
    // (report.html's candles are drawn in the same pass when the folder has one)
    const hasReport = await lstat(path.join(dir, REPORT_FILE)).then((st) => st.isFile(), () => false);
    // a report.html remembered as this record's rendering (audit/rendering-cache) needs no candles unless it differs
    const reportRemembered = hasReport ? await renderings.remembered(REPORT_FILE) : null;
    // every bar's time is kept only for a file that reads them all (equity.csv, a report.html to render); else those snapshots.json names
    const equityPresent = await lstat(path.join(dir, FILES.equity)).then(() => true, () => false);
    const keep = equityPresent || (hasReport && !reportRemembered) ? null : await snapshotBarsOf(dir);
    // a data file not there is a data error (exit 3, as replay's), not a broken link
    const data = await recordedTimeline(rec, opts.dataPath, 'data error', hasReport && !reportRemembered, keep, ahead?.data);
    const reportFeeds = data.feeds;
    let timeline = data.timeline;
    /** Every bar's time: read from the data again if only some were kept (a report.html or snapshots.json that is not the remembered one). */
    const allTimes = async (): Promise<BigInt64Array> => {
      if (!(timeline instanceof BigInt64Array)) timeline = (await recordedTimeline(rec, opts.dataPath, 'data error')).timeline;
      return timeline;
    };
    passed('data');

    // trace: the stored leaf hashes rebuild the recorded root; snapshots.json renders the bound snapshot list
    const t = b.trace;
    const leavesRaw = await read(FILES.leaves, 'trace');
    expectEqual('trace', `SHA-256 of ${FILES.leaves}`, t.leafHashesSha256 as Uint8Array, sha256(leavesRaw));
    if (leavesRaw.length % 32 !== 0 || BigInt(leavesRaw.length / 32) !== toBigInt(t.leaves))
      fail('trace', `the trace link's leaves is ${toBigInt(t.leaves)}, ${FILES.leaves} holds ${leavesRaw.length / 32} hashes`);
    const leafHashes: Uint8Array[] = [];
    for (let i = 0; i < leavesRaw.length; i += 32) leafHashes.push(leavesRaw.subarray(i, i + 32));
    expectEqual('trace', 'Merkle root of the leaves', t.root as Uint8Array, rootFromLeafHashes(leafHashes));
    const snapshotsText = textOf(await read(FILES.snapshots, 'trace'));
    const snapshots = parseSnapshots(snapshotsText);
    expectEqual('trace', `SHA-256 of the snapshot list in ${FILES.snapshots}`, t.snapshotsSha256 as Uint8Array, sha256(encodeSnapshots(snapshots)));
    const sparse = timeline instanceof SparseTimeline ? timeline : null;
    const snapshotTimes = sparse && snapshots.every((x) => sparse.get(x.bar) !== undefined) ? sparse : await allTimes();
    expectText('trace', FILES.snapshots, renderSnapshotsJson(snapshots, snapshotTimes), snapshotsText, 'the snapshot list');
    passed('trace');

    // result: result.pb, and the readable files rendered from it
    const r = b.result;
    // which renderings are their remembered selves (audit/rendering-cache) is known first: when all are,
    // nothing reads result.pb's rows again, and a result.pb too large to hold is checked as it is read
    const renderedFiles: (typeof RESULT_RENDERINGS)[number][] = [];
    const asRemembered = new Map<string, boolean>();
    for (const f of RESULT_RENDERINGS) {
      // a file rendered on demand (equity.csv: written by export, or by backtest before issue 11) is checked when present
      if (f.onDemand && !(await lstat(path.join(dir, f.name)).then(() => true, () => false))) continue;
      renderedFiles.push(f);
      const remembered = await renderings.remembered(f.name);
      asRemembered.set(f.name, remembered !== null && (await renderedAsRemembered(f.name, remembered)));
    }
    const reportAsRemembered = reportRemembered !== null && (await renderedAsRemembered(REPORT_FILE, reportRemembered));
    // (stats.json renders the stats alone; the CSV files and the page read the rows or the equity)
    const rowsRead = renderedFiles.some((f) => !asRemembered.get(f.name) && f.name !== FILES.stats) || (hasReport && !reportAsRemembered);
    // rows found canonical before (remembered with the renderings, by these bytes' size and SHA-256) are counted, not read
    const resultRemembered = await renderings.remembered(FILES.result);
    const isRemembered = (size: number, sha256: Uint8Array): boolean => resultRemembered !== null && resultRemembered.size === size && resultRemembered.sha256 === toHex(sha256);
    const recordedSize = toBigInt(r.size);
    // read and hashed on the hashing thread when it could (inspect/hash-ahead: these very bytes), else
    // checked as it is read when it is large and no rendering reads it (inspect/result-stream), else read here
    const kept = await ahead?.kept;
    covered.add(FILES.result);
    const resultFile = path.join(dir, FILES.result);
    const { above, block: resultBlock } = opts.resultStream ?? { above: KEEP_LIMIT, block: RESULT_BLOCK };
    const streamable = !kept && !rowsRead && recordedSize > BigInt(above) && recordedSize <= BigInt(READ_LIMIT);
    let streamed = streamable ? checkResultFile(resultFile, Number(recordedSize), !(resultRemembered?.size === Number(recordedSize)), resultBlock) : null;
    // (rows counted on a remembered size whose remembered hash turns out to be another's: read again, every row checked,
    // so the first error is the one checkResult would name)
    if (streamed && resultRemembered?.size === Number(recordedSize) && !isRemembered(streamed.byteLength, streamed.sha256)) streamed = checkResultFile(resultFile, Number(recordedSize), true, resultBlock);
    const resultBytes = streamed ? null : (kept?.bytes ?? (await read(FILES.result, 'result')));
    const resultSha256 = streamed?.sha256 ?? kept?.sha256 ?? sha256(resultBytes!);
    const resultSize = streamed?.byteLength ?? resultBytes!.length;
    expectEqual('result', `SHA-256 of ${FILES.result}`, r.sha256 as Uint8Array, resultSha256);
    const resultRendered = { size: resultSize, sha256: toHex(resultSha256) };
    const rowsChecked = isRemembered(resultSize, resultSha256);
    let checked: Omit<ReturnType<typeof checkResult>, 'equity'> & { equity?: () => Float64Array };
    try {
      if (streamed && !streamed.counts) throw streamed.error;
      // (rows found canonical before, in the bytes the hashing thread read: counted there, as it read them)
      checked = streamed?.counts ?? (rowsChecked && kept?.census && kept.bytes === resultBytes ? countedFromCensus(kept.bytes, kept.census) : checkResult(resultBytes!, !rowsChecked));
    } catch (e) {
      return fail('result', `${FILES.result} does not decode: ${(e as Error).message}`);
    }
    if (!rowsChecked) await renderings.remember(FILES.result, resultRendered);
    expectField('result', 'size', recordedSize, BigInt(resultSize), FILES.result);
    expectField('result', 'trades', (r.trades as number) ?? 0, checked.trades, FILES.result);
    expectField('result', 'equityFinal', (r.equityFinal as number) ?? 0, checked.stats.equityFinal, FILES.result);
    if (checked.equityPoints !== timeline.length) fail('result', `${checked.equityPoints} equity points for ${timeline.length} bars`);
    // the rows are read from the (checked) bytes again as each file is compared: never all held as objects
    // (checked as read, inspect/result-stream: only stats.json may be rendered, from the stats alone)
    const streamedRowsOf = resultBytes ? streamedResult(resultBytes, checked.equity!, checked.stats) : ({ stats: checked.stats } as BacktestResult);
    // report.html's rows are tallied as trades.csv and orders.csv read them, so the page reads none again
    const tally = hasReport && !reportRemembered ? new RowTally(reportFeeds.map((f) => f.candles!)) : null;
    const result = tally ? tallied(streamedRowsOf, tally) : { result: streamedRowsOf, passes: () => 0 };
    for (const f of renderedFiles) {
      covered.add(f.name);
      // the file remembered as this record's rendering, by size and SHA-256, is not rendered again; else rendered, compared and remembered
      if (asRemembered.get(f.name)) continue;
      const hash = createHash('sha256');
      const size = { n: 0 };
      await expectRendering('result', dir, f.name, hashedChunks(f.chunks(result.result, f.name === FILES.equity || timeline instanceof BigInt64Array ? await allTimes() : NO_TIMES), hash, size), FILES.result);
      await renderings.remember(f.name, { size: size.n, sha256: hash.digest('hex') });
    }
    passed('result');

    // files: record.json, the log proof, and whatever else the folder holds
    expectText('files', FILES.recordJson, rec.rendered, textOf(await read(FILES.recordJson, 'files')), FILES.record);
    const unverified: VerifyReport['unverified'] = [];
    const present = await listFiles(dir);
    let logged: VerifyReport['logged'] = null;
    if (present.includes(FILES.logInclusion))
      logged = checkLogInclusion(rec, textOf(await read(FILES.logInclusion, 'log')), FILES.logInclusion, true, opts.logProof ? null : opts.log, unverified);
    if (opts.logProof)
      logged = checkLogInclusion(rec, textOf(await readRunFile(path.dirname(opts.logProof), path.basename(opts.logProof), 'log')), opts.logProof, false, opts.log, unverified);
    else if (opts.log && !logged) fail('log', `no ${FILES.logInclusion} in the run folder and no --log-proof given`);
    // attest and prove write these into the folder by default: checked as verify-attestation and verify-proof check them, against this record
    for (const f of present) {
      if (f === REPORT_FILE) {
        covered.add(f);
        if (reportAsRemembered) continue;
        // the tally holds every row once if trades.csv and orders.csv each read them once (else the page reads them)
        const whole = tally && result.passes() === 2 && tally.trades === checked.trades && tally.orders === checked.orders;
        const bytes = await read(f, 'files');
        if (checkReport(textOf(bytes), { recordPb: rec.raw, result: streamedRows(resultBytes!, checked as ReturnType<typeof checkResult>), times: await allTimes(), feeds: reportFeeds, ...(whole ? { tally } : {}) }, unverified))
          await renderings.remember(f, { size: bytes.length, sha256: toHex(sha256(bytes)) });
      }
      else if (f === ATTESTATION_FILE) await checkAttestationFile(rec, await read(f, 'attestation'));
      else if (PROOF_FILE.test(f)) await checkProofFile(rec, wasm, f, await read(f, 'proof'));
    }
    const noLockfile = missingLockfile(b.toolchain);
    if (noLockfile) unverified.push({ file: 'lockfile', why: noLockfile });
    else if (b.toolchain.lockfile === LOCKFILE) {
      // the project's lockfile, copied byte for byte: the one the toolchain link hashes, and one that installed Backproof
      const lock = await read(FILES.lockfile, 'lockfile');
      expectEqual('lockfile', `SHA-256 of ${FILES.lockfile}`, b.toolchain.lockfileSha256 as Uint8Array, sha256(lock));
      const notOurs = lockfileWithoutBackproof(lock);
      if (notOurs) unverified.push({ file: FILES.lockfile, why: notOurs });
    }
    for (const f of present) {
      if (covered.has(f)) continue;
      if (f.startsWith(`${FILES.sources}/`)) fail('strategy', `${f} is not a recorded source of the strategy`);
      unverified.push({ file: f, why: f.endsWith('/') ? 'an empty folder, not bound by the record' : 'not bound by the record' });
    }
    passed('files');
    if (progress) writeProgress(progress, PROGRESS_ENDED, 1);
    if (opts.strict && unverified.length > 0) fail('files', `unverified under --strict: ${unverified.map((u) => `${u.file} (${u.why})`).join('; ')}`);

    return {
      runId: rec.runId,
      signed: rec.signed,
      keyFingerprint: rec.signed ? keyFingerprint(rec.publicKey) : null,
      steps,
      toolchainDifferences: toolchainDifferences(b.toolchain),
      traceRoot: toHex(t.root as Uint8Array),
      resultSha256: toHex(r.sha256 as Uint8Array),
      unverified,
      logged,
    };
  };
  try {
    const report = await afterStrategy();
    await normalized;
    return report;
  } catch (e) {
    await settled();
    await normalized; // a source that fails its check is the first failure, in pipeline order
    throw e;
  }
}

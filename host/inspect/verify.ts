/**
 * @module inspect/verify
 * `verify`: checks a run folder without re-executing the strategy — a straight pipeline of named
 * steps (record, signature, chain, config, strategy, data, trace, result); the first failing step
 * throws an AuditError naming that link and both values. `openRecord` is shared with replay.
 */
import path from 'node:path';
import { AuditError, DataError } from '../errors.ts';
import { decodeCanonical, encode, pb, toBigInt } from '../audit/codec.ts';
import { hashLink, LINK_KINDS, LINK_TYPES, RECORD_VERSION, ZERO_HASH, type LinkKind } from '../audit/chain.ts';
import { keyFingerprint, verifyRecordSignature } from '../audit/keys.ts';
import { renderEquityCsv, renderStatsJson, renderTradesCsv } from '../audit/render.ts';
import { decodeResult } from '../audit/codec.ts';
import { openData, sourceOfFeed, type DataFeed } from '../data/load.ts';
import type { BarSource } from '../model/bars.ts';
import type { DataOptions } from '../data/options.ts';
import { instrument, instrumentOptionsFor } from '../sandbox/index.ts';
import { equalBytes, fromHex, rootFromLeafHashes, sha256, toHex } from '../../traces/index.ts';
import { configMessage, parseConfigJson, sandboxConfigFor, DEFAULT_BROKER_SETTINGS, type BrokerSettings, type RunConfig } from '../run/config.ts';
import { FILES, readRunFile, timelineOfSources } from '../run/rundir.ts';
import { toolchainDifferences } from '../run/toolchain.ts';

type Body = Record<string, unknown>;

export interface OpenedRecord {
  runId: string;
  signed: boolean;
  publicKey: Uint8Array;
  /** Decoded link bodies by kind. */
  bodies: Record<LinkKind, Body>;
  head: Uint8Array;
}

const fail = (step: string, message: string): never => {
  throw new AuditError('VERIFY_FAILED', step, message);
};

function expectEqual(step: string, what: string, recorded: Uint8Array, actual: Uint8Array): void {
  if (!equalBytes(recorded, actual)) fail(step, `${what} is ${toHex(actual)}, the record says ${toHex(recorded)}`);
}

/** Steps record, signature and chain. */
export async function openRecord(dir: string, trustedKey: Uint8Array | null): Promise<OpenedRecord> {
  return openRecordBytes(await readRunFile(dir, FILES.record, 'record'), trustedKey);
}

/** Steps record, signature and chain over the bytes of a record.pb (a run folder's, or one carried in a proof bundle). */
export function openRecordBytes(raw: Uint8Array, trustedKey: Uint8Array | null): OpenedRecord {
  let signed: { record: Uint8Array; signature: Uint8Array; publicKey: Uint8Array };
  let rec: { version: number; runId: string; links: { kind: string; prev: Uint8Array; body: Uint8Array }[]; head: Uint8Array };
  try {
    signed = decodeCanonical(pb.SignedRecord, raw) as unknown as typeof signed;
    rec = decodeCanonical(pb.Record, signed.record) as unknown as typeof rec;
  } catch (e) {
    throw new AuditError('RECORD_MALFORMED', 'record', `${FILES.record} is not a valid record: ${(e as Error).message}`, { cause: e });
  }
  if (rec.version !== RECORD_VERSION) fail('record', `version ${rec.version}, this verifier reads version ${RECORD_VERSION}`);

  // signature
  const isSigned = signed.signature.length > 0 || signed.publicKey.length > 0;
  if (isSigned && !verifyRecordSignature(signed.record, signed.signature, signed.publicKey))
    fail('signature', `the Ed25519 signature does not verify under the record's key ${keyFingerprint(signed.publicKey)}`);
  if (trustedKey) {
    if (!isSigned) fail('signature', 'the record is unsigned but a trusted key was given');
    if (!equalBytes(trustedKey, signed.publicKey))
      fail('signature', `signed by key ${keyFingerprint(signed.publicKey)}, not by the trusted key ${keyFingerprint(trustedKey)}`);
  }

  // chain
  if (rec.links.length !== LINK_KINDS.length || rec.links.some((l, i) => l.kind !== LINK_KINDS[i]))
    fail('chain', `links are [${rec.links.map((l) => l.kind).join(', ')}], expected [${LINK_KINDS.join(', ')}]`);
  let prev: Uint8Array = ZERO_HASH;
  const bodies = {} as Record<LinkKind, Body>;
  for (const link of rec.links) {
    const kind = link.kind as LinkKind;
    expectEqual('chain', `link "${kind}".prev`, link.prev, prev);
    try {
      bodies[kind] = decodeCanonical(LINK_TYPES[kind], link.body) as Body;
    } catch (e) {
      fail('chain', `link "${kind}" body does not decode: ${(e as Error).message}`);
    }
    prev = hashLink(encode(pb.Link, { kind, prev: link.prev, body: link.body }));
  }
  expectEqual('chain', 'head', rec.head, prev);
  return { runId: rec.runId, signed: isSigned, publicKey: signed.publicKey, bodies, head: rec.head };
}

function brokerFromRecord(b: Record<string, unknown> | undefined): BrokerSettings {
  const out = { ...DEFAULT_BROKER_SETTINGS } as Record<string, unknown>;
  const d = DEFAULT_BROKER_SETTINGS as unknown as Record<string, unknown>;
  for (const k of Object.keys(d)) out[k] = b?.[k] ?? (typeof d[k] === 'number' ? 0 : '');
  return out as unknown as BrokerSettings;
}

export function configFromRecord(body: Body): RunConfig {
  const params: Record<string, number> = {};
  for (const p of (body.params as { name: string; value: number }[]) ?? []) params[p.name] = p.value ?? 0;
  return {
    cash: (body.cash as number) ?? 0,
    commission: (body.commission as number) ?? 0,
    params,
    fuel: toBigInt(body.fuelBudget),
    fuelPerCallback: toBigInt(body.fuelPerCallback),
    maxMemoryPages: (body.maxMemoryPages as number) ?? 0,
    chunkSize: (body.chunkSize as number) ?? 0,
    seed: (body.seed as number) ?? 0,
    maxCallDepth: (body.maxCallDepth as number) ?? 0,
    trace: body.traceMode === 'off' ? 'off' : 'full',
    broker: brokerFromRecord(body.broker as Record<string, unknown> | undefined),
    snapshotEvery: (body.snapshotEvery as number) ?? 0,
    maxOpenOrders: (body.maxOpenOrders as number) ?? 0,
    maxLogBytes: Number(toBigInt(body.maxLogBytes)),
  };
}

export interface RecordedDataFile {
  path: string;
  symbol?: string;
  sha256: Uint8Array;
  timezone?: string;
  dateFormat?: string;
  duplicates?: string;
  /** Bar period in ns as the run used it (absent in records made before periods were recorded: 0). */
  periodNs?: unknown;
}

/** The options a data file was read with, as recorded. */
export function dataOptionsFromRecord(f: RecordedDataFile): DataOptions {
  const o: DataOptions = {};
  if (f.timezone) o.timezone = f.timezone;
  if (f.dateFormat === 'dmy' || f.dateFormat === 'mdy') o.dateFormat = f.dateFormat;
  if (f.duplicates === 'keep' || f.duplicates === 'error') o.duplicates = f.duplicates;
  o.period = toBigInt(f.periodNs);
  return o;
}

export interface VerifyOptions {
  dir: string;
  trustedKey?: Uint8Array | null;
  /** Read the data from here instead of the recorded path. */
  dataPath?: string;
}

export interface VerifyReport {
  runId: string;
  signed: boolean;
  keyFingerprint: string | null;
  steps: string[];
  /** Whether this installation's package-lock.json is the recorded one (informational). */
  /** How this installation's toolchain differs from the recorded one (informative: verify does not execute). */
  toolchainDifferences: string[];
  traceRoot: string;
  resultSha256: string;
}

export async function verifyRun(opts: VerifyOptions): Promise<VerifyReport> {
  const dir = opts.dir;
  const rec = await openRecord(dir, opts.trustedKey ?? null);
  const steps = ['record', 'signature', 'chain'];
  const b = rec.bodies;

  // config: config.json must be the readable form of the recorded config
  let config: RunConfig;
  try {
    config = parseConfigJson(Buffer.from(await readRunFile(dir, FILES.config, 'config')).toString('utf8'));
  } catch (e) {
    if (e instanceof AuditError) throw e;
    return fail('config', `${FILES.config} does not parse: ${(e as Error).message}`);
  }
  expectEqual('config', `${FILES.config} (encoded)`, encode(LINK_TYPES.config, b.config), encode(LINK_TYPES.config, configMessage(config)));
  steps.push('config');

  // strategy: original module, its instrumentation, and sources
  const s = b.strategy;
  const wasm = await readRunFile(dir, FILES.wasm, 'strategy');
  expectEqual('strategy', `SHA-256 of ${FILES.wasm}`, s.wasmSha256 as Uint8Array, sha256(wasm));
  let instrumented: Uint8Array;
  try {
    instrumented = instrument(wasm, instrumentOptionsFor(sandboxConfigFor(config))).wasm;
  } catch (e) {
    return fail('strategy', `${FILES.wasm} cannot be instrumented: ${(e as Error).message}`);
  }
  expectEqual('strategy', 'SHA-256 of the instrumented module', s.instrumentedSha256 as Uint8Array, sha256(instrumented));
  for (const src of (s.sources as { path: string; sha256: Uint8Array }[]) ?? []) {
    const text = await readRunFile(dir, path.join(FILES.sources, src.path), 'strategy');
    expectEqual('strategy', `SHA-256 of source ${src.path}`, src.sha256, sha256(text));
  }
  steps.push('strategy');

  // data: every file, read the way it was read for the run
  const files = (b.data.files as RecordedDataFile[]) ?? [];
  if (files.length === 0) fail('data', 'no data files recorded');
  if (opts.dataPath && files.length > 1) fail('data', '--data can stand in for a single recorded file only');
  const sources: BarSource[] = [];
  for (const df of files) {
    const dataPath = opts.dataPath ?? df.path;
    const options = dataOptionsFromRecord(df);
    let feed: DataFeed;
    try {
      feed = await openData(dataPath, options);
    } catch (e) {
      if (e instanceof DataError && e.code === 'DATA_NOT_FOUND') return fail('data', `data file ${dataPath} cannot be read (pass --data to point at a copy)`);
      throw e;
    }
    expectEqual('data', `SHA-256 of ${dataPath}`, df.sha256, fromHex(feed.sha256));
    sources.push(sourceOfFeed(feed));
  }
  const timeline = timelineOfSources(sources, files.map((f) => toBigInt(f.periodNs)));
  steps.push('data');

  // trace: the stored leaf hashes rebuild the recorded root
  const t = b.trace;
  const leavesRaw = await readRunFile(dir, FILES.leaves, 'trace');
  expectEqual('trace', `SHA-256 of ${FILES.leaves}`, t.leafHashesSha256 as Uint8Array, sha256(leavesRaw));
  if (leavesRaw.length % 32 !== 0 || BigInt(leavesRaw.length / 32) !== toBigInt(t.leaves))
    fail('trace', `${FILES.leaves} holds ${leavesRaw.length / 32} hashes, the record says ${toBigInt(t.leaves)}`);
  const leafHashes: Uint8Array[] = [];
  for (let i = 0; i < leavesRaw.length; i += 32) leafHashes.push(leavesRaw.subarray(i, i + 32));
  expectEqual('trace', 'Merkle root of the leaves', t.root as Uint8Array, rootFromLeafHashes(leafHashes));
  steps.push('trace');

  // result: result.pb, and the readable files rendered from it
  const r = b.result;
  const resultBytes = await readRunFile(dir, FILES.result, 'result');
  expectEqual('result', `SHA-256 of ${FILES.result}`, r.sha256 as Uint8Array, sha256(resultBytes));
  let result;
  try {
    result = decodeResult(resultBytes);
  } catch (e) {
    return fail('result', `${FILES.result} does not decode: ${(e as Error).message}`);
  }
  if (result.equity.length !== timeline.length) fail('result', `${result.equity.length} equity points for ${timeline.length} bars`);
  const rendered: [string, string][] = [
    [FILES.trades, renderTradesCsv(result)],
    [FILES.equity, renderEquityCsv(result, timeline)],
    [FILES.stats, renderStatsJson(result.stats)],
  ];
  for (const [name, expected] of rendered) {
    const actual = Buffer.from(await readRunFile(dir, name, 'result')).toString('utf8');
    if (actual !== expected) {
      const lines = actual.split('\n'), want = expected.split('\n');
      let i = 0;
      while (i < lines.length && lines[i] === want[i]) i++;
      fail('result', `${name} line ${i + 1} differs from ${FILES.result}: "${lines[i] ?? ''}" vs "${want[i] ?? ''}"`);
    }
  }
  steps.push('result');

  return {
    runId: rec.runId,
    signed: rec.signed,
    keyFingerprint: rec.signed ? keyFingerprint(rec.publicKey) : null,
    steps,
    toolchainDifferences: toolchainDifferences(b.toolchain),
    traceRoot: toHex(t.root as Uint8Array),
    resultSha256: toHex(r.sha256 as Uint8Array),
  };
}

/**
 * @module inspect/opened-record
 * Opening a recorded run's record.pb: steps record, signature and chain (the signature checked on
 * the signed bytes before anything inside them is believed), and reading the config and data
 * options back out of the record. Shared by verify, replay's re-execution, prove and attest, so
 * none of them imports another's module for it (no import cycles).
 */
import { AuditError } from '../errors.ts';
import { toBigInt } from '../audit/codec.ts';
import { decodeRecordChain, decodeSignedEnvelope, renderRecordJson, runIdOf, type LinkKind } from '../audit/record.ts';
import { keyFingerprint, verifyRecordSignature } from '../audit/keys.ts';
import { equalBytes } from '../../traces/index.ts';
import { DEFAULT_BROKER_SETTINGS, type BrokerSettings, type RunConfig } from '../run/config.ts';
import { FILES, readRunFile } from '../run/rundir.ts';

type Body = Record<string, unknown>;

const fail = (step: string, message: string): never => {
  throw new AuditError('VERIFY_FAILED', step, message);
};

export interface OpenedRecord {
  runId: string;
  signed: boolean;
  publicKey: Uint8Array;
  /** Decoded link bodies by kind. */
  bodies: Record<LinkKind, Body>;
  head: Uint8Array;
  /** The record.pb bytes. */
  raw: Uint8Array;
  /** record.json as rendered from them. */
  rendered: string;
}

/** Steps record, signature and chain. */
export async function openRecord(dir: string, trustedKey: Uint8Array | null): Promise<OpenedRecord> {
  return openRecordBytes(await readRunFile(dir, FILES.record, 'record'), trustedKey);
}

/** Steps record, signature and chain over the bytes of a record.pb (a run folder's, or one carried in a proof bundle). */
export function openRecordBytes(raw: Uint8Array, trustedKey: Uint8Array | null): OpenedRecord {
  const envelope = decodeSignedEnvelope(raw);
  // signature: checked on the signed bytes before anything inside them is parsed or believed
  const isSigned = envelope.signature.length > 0 || envelope.publicKey.length > 0;
  if (isSigned && !verifyRecordSignature(envelope.record, envelope.signature, envelope.publicKey))
    fail('signature', `the Ed25519 signature does not verify under the record's key ${keyFingerprint(envelope.publicKey)} (${FILES.record})`);
  if (trustedKey) {
    if (!isSigned) fail('signature', 'the record is unsigned but a trusted key was given');
    if (!equalBytes(trustedKey, envelope.publicKey))
      fail('signature', `signed by key ${keyFingerprint(envelope.publicKey)}, not by the trusted key ${keyFingerprint(trustedKey)}`);
  }
  // chain, then the run id, which is derived from the links it names
  const rec = decodeRecordChain(envelope);
  const b = rec.bodies;
  const id = runIdOf(b.strategy.wasmSha256 as Uint8Array, b.data, b.config);
  if (rec.runId !== id) fail('chain', `run id is "${rec.runId}", the strategy, data and config links give "${id}" (${FILES.record})`);
  return { runId: rec.runId, signed: isSigned, publicKey: rec.publicKey, bodies: b, head: rec.head, raw, rendered: renderRecordJson(rec) };
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
    maxOrders: (body.maxOrders as number) ?? 0,
    maxLogBytes: Number(toBigInt(body.maxLogBytes)),
    periodsPerYear: (body.periodsPerYear as number) ?? 0,
  };
}

// (in inspect/hash-start, which verify's hashing thread starts from before this module loads)
export { dataOptionsFromRecord, type RecordedDataFile } from './hash-start.ts';

/** The instrumenter a toolchain link names: re-executions and verify run under it (and read its trace format). */
export function recordedInstrumenter(toolchain: Record<string, unknown>): string {
  return String(toolchain.instrumenter ?? '');
}

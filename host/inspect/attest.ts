/**
 * @module inspect/attest
 * `backproof attest <run-dir>`: the run's record as an in-toto Statement v1 whose subject is the
 * result (result.pb by its SHA-256), in a DSSE envelope signed with Ed25519 by the record's own
 * signer. The statement is built from record.pb alone — the predicate carries record.pb and its
 * rendering (record.json as audit/record renders it), never a file read back — so
 * `verifyAttestation` decodes the embedded record.pb, rebuilds the statement from it and requires
 * the payload to be exactly those bytes, and requires the envelope's key to be the record's signer.
 */
import type { KeyObject } from 'node:crypto';
import { AuditError, UsageError } from '../errors.ts';
import { IN_TOTO_PAYLOAD_TYPE, openEnvelope, signEnvelope, type Envelope } from '../audit/dsse.ts';
import { keyFingerprint, rawPublicKey } from '../audit/keys.ts';
import { equalBytes, toHex } from '../../traces/index.ts';
import { FILES, readRunFile } from '../run/rundir.ts';
import { openRecordBytes, type OpenedRecord } from './opened-record.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://backproof.dev/attestation/run-record/v1';

/** The statement's bytes for a record: a function of record.pb alone. */
function statementBytes(rec: OpenedRecord): Uint8Array {
  const statement = {
    _type: STATEMENT_TYPE,
    subject: [{ name: FILES.result, digest: { sha256: toHex(rec.bodies.result.sha256 as Uint8Array) } }],
    predicateType: PREDICATE_TYPE,
    predicate: { runId: rec.runId, recordHead: toHex(rec.head), record: JSON.parse(rec.rendered) as unknown, recordPb: Buffer.from(rec.raw).toString('base64') },
  };
  return Buffer.from(JSON.stringify(statement));
}

export async function attestRun(dir: string, key: KeyObject): Promise<Envelope> {
  const rec = openRecordBytes(await readRunFile(dir, FILES.record, 'record'), null);
  const pub = rawPublicKey(key);
  if (!rec.signed) throw new UsageError('KEY_ERROR', `the record in ${dir} is unsigned: only the record's signer can attest it`);
  if (!equalBytes(pub, rec.publicKey))
    throw new UsageError('KEY_ERROR', `the record is signed by key ${keyFingerprint(rec.publicKey)}; the attestation must be signed by the same key, not ${keyFingerprint(pub)}`);
  return signEnvelope(IN_TOTO_PAYLOAD_TYPE, statementBytes(rec), key);
}

export interface AttestationCheck {
  runId: string;
  subjectSha256: string;
}

const bad = (step: string, message: string): never => {
  throw new AuditError('PROOF_INVALID', step, message);
};

export function verifyAttestation(env: Envelope, publicKeyRaw: Uint8Array): AttestationCheck {
  const payload = openEnvelope(env, publicKeyRaw);
  if (!payload) return bad('signature', 'no signature in the envelope verifies under the given key (over DSSE v1 PAE)');
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) bad('statement', `payload type ${env.payloadType}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
  let st: { _type?: string; predicateType?: string; predicate?: { recordPb?: unknown } };
  try {
    st = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return bad('statement', 'the payload is not JSON');
  }
  if (st._type !== STATEMENT_TYPE || st.predicateType !== PREDICATE_TYPE) bad('statement', `not a Backproof run statement (${st._type}, ${st.predicateType})`);
  const raw = typeof st.predicate?.recordPb === 'string' ? new Uint8Array(Buffer.from(st.predicate.recordPb, 'base64')) : new Uint8Array(0);
  let record: OpenedRecord;
  try {
    record = openRecordBytes(raw, null);
  } catch (e) {
    return bad('record', `the embedded record.pb does not check: ${(e as Error).message}`);
  }
  if (!record.signed || !equalBytes(record.publicKey, publicKeyRaw))
    bad('signer', `the envelope is signed by key ${keyFingerprint(publicKeyRaw)}, the record ${record.signed ? `by ${keyFingerprint(record.publicKey)}` : 'by nobody'}`);
  if (Buffer.compare(Buffer.from(payload), Buffer.from(statementBytes(record))) !== 0)
    bad('statement', 'the statement is not the one its record.pb gives (its subject, run id, head or rendered record differ)');
  return { runId: record.runId, subjectSha256: toHex(record.bodies.result.sha256 as Uint8Array) };
}

/**
 * @module inspect/attest
 * `backproof attest <run-dir>`: the run's record as an in-toto Statement v1 whose subject is the
 * result (result.pb by its SHA-256), in a DSSE envelope signed with Ed25519. The predicate carries
 * the record decoded (as record.json) and record.pb itself, so a verifier can check the chain from
 * the envelope alone. `verifyAttestation` checks the envelope, the embedded record and the subject.
 */
import type { KeyObject } from 'node:crypto';
import { AuditError } from '../errors.ts';
import { IN_TOTO_PAYLOAD_TYPE, openEnvelope, signEnvelope, type Envelope } from '../audit/dsse.ts';
import { toHex } from '../../traces/index.ts';
import { FILES, readRunFile } from '../run/rundir.ts';
import { openRecord, openRecordBytes } from './verify.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://backproof.dev/attestation/run-record/v1';

export async function attestRun(dir: string, key: KeyObject): Promise<Envelope> {
  const rec = await openRecord(dir, null);
  const recordPb = await readRunFile(dir, FILES.record, 'record');
  const recordJson = JSON.parse(Buffer.from(await readRunFile(dir, FILES.recordJson, 'record')).toString('utf8')) as unknown;
  const statement = {
    _type: STATEMENT_TYPE,
    subject: [{ name: FILES.result, digest: { sha256: toHex(rec.bodies.result.sha256 as Uint8Array) } }],
    predicateType: PREDICATE_TYPE,
    predicate: { runId: rec.runId, recordHead: toHex(rec.head), record: recordJson, recordPb: Buffer.from(recordPb).toString('base64') },
  };
  return signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement)), key);
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
  let st: { _type?: string; predicateType?: string; subject?: { name: string; digest: { sha256: string } }[]; predicate?: { recordPb?: string; runId?: string } };
  try {
    st = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return bad('statement', 'the payload is not JSON');
  }
  if (st._type !== STATEMENT_TYPE || st.predicateType !== PREDICATE_TYPE) bad('statement', `not a Backproof run statement (${st._type}, ${st.predicateType})`);
  const record = openRecordBytes(new Uint8Array(Buffer.from(String(st.predicate?.recordPb ?? ''), 'base64')), null);
  const result = toHex(record.bodies.result.sha256 as Uint8Array);
  if (st.subject?.length !== 1 || st.subject[0]!.digest?.sha256 !== result) bad('subject', `the subject is not the record's result ${result}`);
  if (st.predicate?.runId !== record.runId) bad('statement', 'the predicate names another run');
  return { runId: record.runId, subjectSha256: result };
}

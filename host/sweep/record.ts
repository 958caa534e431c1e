/**
 * @module sweep/record
 * The sweep root and the signed sweep record (docs/SWEEP.md, "Hashes and the sweep record"): an
 * RFC 9162 Merkle tree head over the runs' record hashes in index order, and 98 canonical bytes —
 * domain ‖ 0x00 ‖ plan SHA-256 ‖ count (uint64 BE) ‖ root — signed with Ed25519 by the run records'
 * keys. sweep-record.json holds those fields and the signature; it is read back as hostile input.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { AuditError } from '../errors.ts';
import { rawPublicKey, signBytes, verifyBytes, keyFingerprint } from '../audit/keys.ts';
import { fromHex, hashLeaf, rootFromLeafHashes, toHex, inclusionProofFromLeafHashes } from '../../traces/index.ts';
import { SWEEP_RECORD_DOMAIN, SWEEP_RECORD_FORMAT, type SweepRecord } from './types.ts';

/** The leaf hashes of the runs' record hashes (hex, in index order): SHA-256(0x00 ‖ record hash). */
export function sweepLeafHashes(recordSha256s: readonly string[]): Uint8Array[] {
  return recordSha256s.map((h) => hashLeaf(fromHex(h)));
}

/** MTH over the runs' record hashes in index order. */
export function sweepRoot(recordSha256s: readonly string[]): Uint8Array {
  return rootFromLeafHashes(sweepLeafHashes(recordSha256s));
}

/** PATH(index) of the sweep tree: an inclusion proof of run `index`'s record hash under the root. */
export function sweepInclusionProof(recordSha256s: readonly string[], index: number): Uint8Array[] {
  return inclusionProofFromLeafHashes(index, sweepLeafHashes(recordSha256s));
}

/** The sweep record's canonical bytes. */
export function sweepRecordBytes(planSha256: string, count: number, root: Uint8Array): Uint8Array {
  const domain = Buffer.from(SWEEP_RECORD_DOMAIN, 'ascii');
  const out = Buffer.alloc(domain.length + 1 + 32 + 8 + 32);
  domain.copy(out, 0);
  let at = domain.length + 1; // the 0x00 after the domain
  out.set(fromHex(planSha256), at);
  at += 32;
  out.writeBigUInt64BE(BigInt(count), at);
  at += 8;
  out.set(root, at);
  return new Uint8Array(out);
}

/** sweep-record.json's object for these fields, signed with `key` (or unsigned). */
export function makeSweepRecord(planSha256: string, count: number, root: Uint8Array, key: KeyObject | null): SweepRecord {
  const bytes = sweepRecordBytes(planSha256, count, root);
  return {
    format: SWEEP_RECORD_FORMAT,
    sweepId: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    planSha256,
    count,
    root: toHex(root),
    publicKey: key ? toHex(rawPublicKey(key)) : '',
    signature: key ? toHex(signBytes(bytes, key)) : '',
  };
}

/** sweep-record.json's bytes. */
export function sweepRecordText(r: SweepRecord): string {
  const { format, sweepId, planSha256, count, root, publicKey, signature } = r;
  return JSON.stringify({ format, sweepId, planSha256, count, root, publicKey, signature }, null, 2) + '\n';
}

const fail = (message: string): never => {
  throw new AuditError('VERIFY_FAILED', 'sweep-record', `sweep-record.json: ${message}`);
};

/**
 * sweep-record.json read back: its fields' shapes, its canonical text, its sweep id, and its signature
 * over the canonical bytes (when signed; `trustedKey`, when given, must be the signer).
 */
export function readSweepRecord(bytes: Uint8Array, trustedKey: Uint8Array | null): SweepRecord & { signed: boolean; keyFingerprint: string | null } {
  const text = Buffer.from(bytes).toString('utf8');
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message}`);
  }
  if (o === null || typeof o !== 'object') fail('not an object');
  if (o.format !== SWEEP_RECORD_FORMAT) fail(`format is ${JSON.stringify(o.format)}, expected "${SWEEP_RECORD_FORMAT}"`);
  const hexOf = (name: string, size: number, empty = false): string => {
    const v = o[name];
    if (typeof v === 'string' && ((empty && v === '') || new RegExp(`^[0-9a-f]{${size * 2}}$`).test(v))) return v;
    return fail(`${name} is not ${size} bytes of lowercase hex${empty ? ' or empty' : ''}`);
  };
  const planSha256 = hexOf('planSha256', 32), root = hexOf('root', 32);
  const publicKey = hexOf('publicKey', 32, true), signature = hexOf('signature', 64, true);
  const count = o.count;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) fail('count is not a positive whole number');
  if ((publicKey === '') !== (signature === '')) fail('has a public key without a signature or a signature without a key');
  const record: SweepRecord = { format: SWEEP_RECORD_FORMAT, sweepId: String(o.sweepId), planSha256, count: count as number, root, publicKey, signature };
  if (sweepRecordText(record) !== text) fail('is not in its canonical form (docs/SWEEP.md): it was edited');
  const recBytes = sweepRecordBytes(planSha256, count as number, fromHex(root));
  const id = createHash('sha256').update(recBytes).digest('hex').slice(0, 16);
  if (record.sweepId !== id) fail(`sweepId is ${record.sweepId}, its fields give ${id}`);
  const signed = signature !== '';
  if (signed && !verifyBytes(recBytes, fromHex(signature), fromHex(publicKey))) fail('the signature does not verify under its public key');
  if (trustedKey !== null) {
    if (!signed) fail('is unsigned, and --pubkey requires a signature');
    if (toHex(trustedKey) !== publicKey) fail(`is signed by key ${keyFingerprint(fromHex(publicKey))}, not the trusted key ${keyFingerprint(trustedKey)}`);
  }
  return { ...record, signed, keyFingerprint: signed ? keyFingerprint(fromHex(publicKey)) : null };
}

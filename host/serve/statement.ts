/**
 * @module serve/statement
 * What an upload's signature says: an in-toto Statement v1 in a DSSE envelope (audit/dsse, Ed25519
 * over PAE), whose one subject is the uploaded bytes by SHA-256 (the .wasm module, or the
 * AssemblyScript source's UTF-8 bytes) and whose predicate names the strategy and version:
 *
 *   {"_type": "https://in-toto.io/Statement/v1",
 *    "subject": [{"name": "<name>@<version>.wasm|.ts", "digest": {"sha256": "<hex>"}}],
 *    "predicateType": "https://backproof.dev/strategy-upload/v1",
 *    "predicate": {"name": "<name>", "version": "<version>", "kind": "wasm"|"source"}}
 *
 * The server reads the name and version from the signed statement only, so whoever holds a trusted
 * key decides what a name points to; the request cannot. The payload's bytes are the signer's (any
 * JSON spelling): they are kept as signed, in the envelope, never re-encoded.
 */
import type { KeyObject } from 'node:crypto';
import { IN_TOTO_PAYLOAD_TYPE, openEnvelope, signEnvelope, type Envelope } from '../audit/dsse.ts';
import { keyFingerprint } from '../audit/keys.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { RegistryError } from './errors.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const UPLOAD_PREDICATE_TYPE = 'https://backproof.dev/strategy-upload/v1';

export type UploadKind = 'wasm' | 'source';

/** A strategy's name: what `run` and `replace` address; letters, digits, `.`, `_`, `-`. */
export const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
/** A version: any label (semver or not), compared only for equality. */
export const VERSION_PATTERN = '^[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}$';

export interface UploadClaim {
  name: string;
  version: string;
  kind: UploadKind;
}

export interface SignedUpload extends UploadClaim {
  /** The fingerprint (audit/keys keyFingerprint) of the trusted key whose signature verified. */
  signer: string;
}

/** The statement's bytes for an upload (what `signUpload` signs). */
export function uploadStatement(bytes: Uint8Array, claim: UploadClaim): Uint8Array {
  const statement = {
    _type: STATEMENT_TYPE,
    subject: [{ name: `${claim.name}@${claim.version}.${claim.kind === 'wasm' ? 'wasm' : 'ts'}`, digest: { sha256: toHex(sha256(bytes)) } }],
    predicateType: UPLOAD_PREDICATE_TYPE,
    predicate: { name: claim.name, version: claim.version, kind: claim.kind },
  };
  return Buffer.from(JSON.stringify(statement));
}

/** The envelope an uploader sends beside the bytes: `backproof serve`'s docs (docs/SERVE.md) and tests sign with it. */
export function signUpload(bytes: Uint8Array, claim: UploadClaim, key: KeyObject): Envelope {
  checkClaim(claim);
  return signEnvelope(IN_TOTO_PAYLOAD_TYPE, uploadStatement(bytes, claim), key);
}

function checkClaim(c: UploadClaim): void {
  if (typeof c.name !== 'string' || !new RegExp(NAME_PATTERN).test(c.name)) throw new RegistryError('BAD_REQUEST', `the strategy name ${JSON.stringify(c.name)} does not match ${NAME_PATTERN}`);
  if (typeof c.version !== 'string' || !new RegExp(VERSION_PATTERN).test(c.version)) throw new RegistryError('BAD_REQUEST', `the version ${JSON.stringify(c.version)} does not match ${VERSION_PATTERN}`);
  if (c.kind !== 'wasm' && c.kind !== 'source') throw new RegistryError('BAD_REQUEST', `the kind ${JSON.stringify(c.kind)} is neither "wasm" nor "source"`);
}

/**
 * The upload's claim when a trusted key signed a statement naming exactly `bytes`; else a RegistryError:
 * SIGNATURE_MISSING (no envelope or no signature), SIGNATURE_INVALID (a trusted key's signature that does
 * not verify: the envelope was altered), KEY_UNTRUSTED (signed, by no trusted key), DIGEST_MISMATCH (the
 * statement names other bytes: the upload was altered), BAD_REQUEST (not an upload statement, or another kind).
 * `trusted`: raw Ed25519 public keys by fingerprint.
 */
export function openUpload(envelope: Envelope | undefined, bytes: Uint8Array, kind: UploadKind, trusted: ReadonlyMap<string, Uint8Array>): SignedUpload {
  if (envelope === undefined || envelope === null || !Array.isArray(envelope.signatures) || envelope.signatures.length === 0)
    throw new RegistryError('SIGNATURE_MISSING', 'the upload is unsigned: send a DSSE envelope (signature) over its statement, signed by a trusted key');
  let payload: Uint8Array | null = null;
  let signer = '';
  for (const [fingerprint, raw] of trusted) {
    payload = openEnvelope(envelope, raw);
    if (payload) {
      signer = fingerprint;
      break;
    }
  }
  if (!payload) {
    const named = envelope.signatures.map((s) => String(s?.keyid));
    const trustedNamed = named.filter((k) => trusted.has(k));
    if (trustedNamed.length > 0) throw new RegistryError('SIGNATURE_INVALID', `the signature of trusted key ${trustedNamed[0]} does not verify over the envelope (DSSE v1 PAE): the envelope was altered`);
    throw new RegistryError('KEY_UNTRUSTED', `no signature is by a trusted key: the envelope names ${named.join(', ')}; trusted: ${[...trusted.keys()].join(', ') || 'none'}`);
  }
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new RegistryError('BAD_REQUEST', `the envelope's payload type is ${envelope.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE}`);
  let st: { _type?: unknown; subject?: { digest?: { sha256?: unknown } }[]; predicateType?: unknown; predicate?: Partial<UploadClaim> };
  try {
    st = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    throw new RegistryError('BAD_REQUEST', 'the signed payload is not JSON');
  }
  if (st?._type !== STATEMENT_TYPE || st.predicateType !== UPLOAD_PREDICATE_TYPE)
    throw new RegistryError('BAD_REQUEST', `the signed statement is not a strategy upload (${String(st?._type)}, ${String(st?.predicateType)}; expected ${UPLOAD_PREDICATE_TYPE})`);
  const claim = { name: st.predicate?.name, version: st.predicate?.version, kind: st.predicate?.kind } as UploadClaim;
  checkClaim(claim);
  if (claim.kind !== kind) throw new RegistryError('BAD_REQUEST', `the statement signs a ${claim.kind} upload; this request uploads ${kind}`);
  const digest = Array.isArray(st.subject) && st.subject.length === 1 ? st.subject[0]?.digest?.sha256 : undefined;
  if (typeof digest !== 'string') throw new RegistryError('BAD_REQUEST', 'the signed statement has not exactly one subject with a sha256 digest');
  const actual = toHex(sha256(bytes));
  if (digest !== actual) throw new RegistryError('DIGEST_MISMATCH', `the signed statement names sha256 ${digest}; the uploaded ${kind === 'wasm' ? 'module' : 'source'} is ${actual}: it is not the bytes that were signed`);
  return { ...claim, signer };
}

/** Trusted keys by fingerprint, from raw Ed25519 public keys. */
export function trustedKeyMap(keys: readonly Uint8Array[]): Map<string, Uint8Array> {
  return new Map(keys.map((k) => [keyFingerprint(k), k]));
}

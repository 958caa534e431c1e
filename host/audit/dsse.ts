/**
 * @module audit/dsse
 * DSSE v1 envelopes (github.com/secure-systems-lab/dsse, protocol.md): the signature is over
 * PAE(payloadType, payload) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN as ASCII
 * decimal byte counts; the envelope carries the payload base64-encoded. Signatures here are Ed25519.
 */
import type { KeyObject } from 'node:crypto';
import { keyFingerprint, rawPublicKey, signBytes, verifyBytes } from './keys.ts';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface Envelope {
  payloadType: string;
  /** Base64 (standard alphabet, padded). */
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

/** Pre-Authentication Encoding. */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export function signEnvelope(payloadType: string, payload: Uint8Array, key: KeyObject): Envelope {
  return {
    payloadType,
    payload: Buffer.from(payload).toString('base64'),
    signatures: [{ keyid: keyFingerprint(rawPublicKey(key)), sig: Buffer.from(signBytes(pae(payloadType, payload), key)).toString('base64') }],
  };
}

/** The payload when some signature verifies under `publicKeyRaw`; null otherwise. */
export function openEnvelope(env: Envelope, publicKeyRaw: Uint8Array): Uint8Array | null {
  if (!env || typeof env.payloadType !== 'string' || typeof env.payload !== 'string' || !Array.isArray(env.signatures)) return null;
  const payload = new Uint8Array(Buffer.from(env.payload, 'base64'));
  if (Buffer.from(payload).toString('base64') !== env.payload) return null; // one encoding only
  const message = pae(env.payloadType, payload);
  for (const s of env.signatures) if (typeof s?.sig === 'string' && verifyBytes(message, new Uint8Array(Buffer.from(s.sig, 'base64')), publicKeyRaw)) return payload;
  return null;
}

/**
 * @module audit/keys
 * Ed25519 keys and signatures through node:crypto. Signatures cover
 * "backproof/record/v1" ‖ 0x00 ‖ encoded Record, so they cannot be replayed onto other messages.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';

const SIGN_DOMAIN = Buffer.from('backproof/record/v1\0', 'latin1');

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateKeys(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export async function loadPrivateKey(file: string): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError('KEY_ERROR', `cannot read signing key ${file}: ${(e as NodeJS.ErrnoException).code}`, { cause: e });
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key type ${key.asymmetricKeyType}`);
    return key;
  } catch (e) {
    throw new UsageError('KEY_ERROR', `${file} is not an Ed25519 private key in PEM: ${(e as Error).message}`, { cause: e });
  }
}

export async function loadPublicKeyRaw(file: string): Promise<Uint8Array> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError('KEY_ERROR', `${file} is not a readable Ed25519 public key in PEM: ${(e as Error).message}`, { cause: e });
  }
  // node derives a public key from a private one without a word: a verifier handed the signer's
  // private key would trust it, and the secret has left the signer. Refuse it outright.
  if (/-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY-----/.test(pem))
    throw new UsageError('KEY_ERROR', `${file} is a PRIVATE key: pass its public key (backproof keygen writes it beside, as .pub); a private key must stay with whoever signs`);
  try {
    return rawPublicKey(createPublicKey(pem));
  } catch (e) {
    throw new UsageError('KEY_ERROR', `${file} is not a readable Ed25519 public key in PEM: ${(e as Error).message}`, { cause: e });
  }
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

export function signRecord(recordBytes: Uint8Array, key: KeyObject): Uint8Array {
  return new Uint8Array(sign(null, Buffer.concat([SIGN_DOMAIN, recordBytes]), key));
}

export function verifyRecordSignature(recordBytes: Uint8Array, signature: Uint8Array, publicKeyRaw: Uint8Array): boolean {
  if (publicKeyRaw.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, Buffer.concat([SIGN_DOMAIN, recordBytes]), publicKeyFromRaw(publicKeyRaw), signature);
  } catch {
    return false;
  }
}

/** A plain Ed25519 signature over `message` (DSSE envelopes and signed notes carry their own framing). */
export function signBytes(message: Uint8Array, key: KeyObject): Uint8Array {
  return new Uint8Array(sign(null, message, key));
}

export function verifyBytes(message: Uint8Array, signature: Uint8Array, publicKeyRaw: Uint8Array): boolean {
  if (publicKeyRaw.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, message, publicKeyFromRaw(publicKeyRaw), signature);
  } catch {
    return false;
  }
}

/** First 16 hex digits of SHA-256 of the raw public key. */
export function keyFingerprint(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

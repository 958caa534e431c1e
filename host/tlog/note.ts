/**
 * @module tlog/note
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, and the checkpoint they carry
 * (c2sp.org/tlog-checkpoint): the origin line, the tree size in decimal, the root hash in base64.
 *
 * A note is text ending in "\n", a blank line, and signature lines "— <name> <base64(keyID ‖ sig)>"
 * (an em dash U+2014 and a space). The Ed25519 signature covers the text including its final
 * newline. keyID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0:4]. A verifier key (vkey) is written
 * "<name>+<hex keyID>+<base64(0x01 ‖ public key)>".
 */
import { createHash, type KeyObject } from 'node:crypto';
import { rawPublicKey, signBytes, verifyBytes } from '../audit/keys.ts';

const ED25519 = 0x01;
const SIG_PREFIX = '\u2014 ';

export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Buffer.from(name, 'utf8')).update(new Uint8Array([0x0a, ED25519])).update(publicKey).digest().subarray(0, 4));
}

export function verifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${Buffer.from(noteKeyId(name, publicKey)).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

function checkName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name)) throw new Error(`note key name ${JSON.stringify(name)} must be non-empty, without spaces or "+"`);
}

/** Signs `text` (which must end in a newline and hold no blank line) as a one-signature note. */
export function signNote(text: string, name: string, key: KeyObject): string {
  checkName(name);
  if (!text.endsWith('\n') || text.includes('\n\n') || /[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new Error('note text must end in a newline, hold no blank line and no control characters');
  const sig = signBytes(Buffer.from(text, 'utf8'), key);
  const id = noteKeyId(name, rawPublicKey(key));
  return `${text}\n${SIG_PREFIX}${name} ${Buffer.concat([id, sig]).toString('base64')}\n`;
}

/** A note's signed text and its signature lines; null for a malformed note (any line that is not "— <name> <base64>"). */
export function noteSignatures(note: string): { text: string; signatures: { name: string; keyId: Uint8Array; signature: Uint8Array }[] } | null {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n') || /[\u0000-\u0009\u000b-\u001f]/.test(note)) return null;
  const signatures = [];
  for (const line of note.slice(split + 2, -1).split('\n')) {
    if (!line.startsWith(SIG_PREFIX)) return null;
    const [name, b64, extra] = line.slice(SIG_PREFIX.length).split(' ');
    if (!name || !b64 || extra !== undefined) return null;
    const raw = Buffer.from(b64, 'base64');
    if (raw.toString('base64') !== b64 || raw.length < 5) return null;
    signatures.push({ name, keyId: new Uint8Array(raw.subarray(0, 4)), signature: new Uint8Array(raw.subarray(4)) });
  }
  return { text: note.slice(0, split + 1), signatures };
}

/**
 * The note's text when a signature line by (name, publicKey) verifies; null otherwise (also for
 * any malformed note). As Go's note.Open: the first line with the key's name and ID decides.
 */
export function openNote(note: string, name: string, publicKey: Uint8Array): string | null {
  const n = noteSignatures(note);
  if (!n) return null;
  const id = Buffer.from(noteKeyId(name, publicKey));
  const s = n.signatures.find((x) => x.name === name && id.equals(x.keyId));
  return s && verifyBytes(Buffer.from(n.text, 'utf8'), s.signature, publicKey) ? n.text : null;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

export function checkpointText(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${Buffer.from(c.root).toString('base64')}\n`;
}

/** Parses checkpoint text (the signed part); null when it is not one. */
export function parseCheckpoint(text: string): Checkpoint | null {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') return null;
  const [origin, size, root] = lines;
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size ?? '') || !Number.isSafeInteger(Number(size))) return null;
  const hash = Buffer.from(root ?? '', 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root) return null;
  return { origin, size: Number(size), root: new Uint8Array(hash) };
}

/** Parses a verifier key "<name>+<hex keyID>+<base64(0x01 ‖ key)>"; null when malformed or its ID does not match. */
export function parseVerifierKey(vkey: string): { name: string; publicKey: Uint8Array } | null {
  // The name holds no "+", the key ID is hex; the base64 key may hold "+" itself.
  const text = vkey.trim();
  const a = text.indexOf('+'), b = text.indexOf('+', a + 1);
  if (a < 0 || b < 0) return null;
  const name = text.slice(0, a), id = text.slice(a + 1, b), b64 = text.slice(b + 1);
  const raw = Buffer.from(b64, 'base64');
  if (!name || raw.length !== 33 || raw[0] !== ED25519 || raw.toString('base64') !== b64) return null;
  const publicKey = new Uint8Array(raw.subarray(1));
  return Buffer.from(noteKeyId(name, publicKey)).toString('hex') === id ? { name, publicKey } : null;
}

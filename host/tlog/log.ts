/**
 * @module tlog/log
 * An append-only local transparency log of record hashes: an RFC 9162 tree whose entries are
 * 32-byte hashes (leaf = SHA-256(0x00 ‖ entry)), published through C2SP checkpoints signed with the
 * log's Ed25519 key.
 *
 * On disk (one folder): `log.json` (format, origin, public key), `entries` (the entries back to
 * back, 32 bytes each), `checkpoint` (the latest signed checkpoint note) and, while an append runs,
 * `lock` (the writer's pid) and `checkpoint.tmp`.
 *
 * Crash safety. An append (1) takes the lock, (2) checks the stored entries against the signed
 * checkpoint, (3) cuts off bytes past the checkpoint's size — the remains of an append that never
 * returned — (4) writes the entry and fsyncs, (5) writes the new checkpoint to checkpoint.tmp,
 * fsyncs, renames it over `checkpoint` and fsyncs the folder, and only then returns. So an append
 * has returned exactly when the checkpoint covers its entry; a process killed at any point leaves
 * a log that opens and verifies, with every returned entry in place. A stale lock (dead pid) is
 * taken over. Single writer per log; readers need no lock.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AuditError, UsageError } from '../errors.ts';
import { rawPublicKey } from '../audit/keys.ts';
import {
  consistencyProofFromLeafHashes, emptyRoot, equalBytes, fromHex, hashLeaf, inclusionProofFromLeafHashes, rootFromLeafHashes, toHex,
  verifyConsistency, verifyInclusion,
} from '../../traces/index.ts';
import { checkpointText, openNote, parseCheckpoint, signNote, verifierKey, type Checkpoint } from './note.ts';

export const LOG_FORMAT = 'backproof-log/1';
export const ENTRY_SIZE = 32;
const FILES = { meta: 'log.json', entries: 'entries', checkpoint: 'checkpoint', tmp: 'checkpoint.tmp', lock: 'lock' } as const;

export interface LogMeta {
  format: string;
  origin: string;
  /** Hex of the raw Ed25519 public key. */
  publicKey: string;
}

const corrupt = (message: string): never => {
  throw new AuditError('LOG_CORRUPT', 'log', message);
};

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a file so that it is either the old or the new content, even if the process dies. */
function writeAtomic(dir: string, name: string, tmpName: string, content: string): void {
  const tmp = path.join(dir, tmpName);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path.join(dir, name));
  fsyncDir(dir);
}

export function readMeta(dir: string): LogMeta {
  let meta: LogMeta;
  try {
    meta = JSON.parse(readFileSync(path.join(dir, FILES.meta), 'utf8')) as LogMeta;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('USAGE', `no log at ${dir}: create one with "backproof log init ${dir}"`);
    return corrupt(`${FILES.meta} is not JSON`);
  }
  if (meta.format !== LOG_FORMAT || typeof meta.origin !== 'string' || !/^[0-9a-f]{64}$/.test(meta.publicKey ?? '')) corrupt(`${FILES.meta} is not a ${LOG_FORMAT} description`);
  return meta;
}

/** The latest checkpoint, its signature checked under the log's key (or `trustedKey`). */
export function readCheckpoint(dir: string, meta: LogMeta, trustedKey?: Uint8Array): { checkpoint: Checkpoint; note: string } {
  const key = trustedKey ?? fromHex(meta.publicKey);
  if (trustedKey && toHex(trustedKey) !== meta.publicKey) corrupt(`the log's key ${meta.publicKey.slice(0, 16)}… is not the trusted key`);
  let note: string;
  try {
    note = readFileSync(path.join(dir, FILES.checkpoint), 'utf8');
  } catch {
    return corrupt(`${FILES.checkpoint} is missing`);
  }
  const text = openNote(note, meta.origin, key);
  if (text === null) return corrupt(`${FILES.checkpoint} is not signed by the log's key for origin "${meta.origin}"`);
  const checkpoint = parseCheckpoint(text);
  if (!checkpoint || checkpoint.origin !== meta.origin) return corrupt(`${FILES.checkpoint} is not a checkpoint of "${meta.origin}"`);
  return { checkpoint, note };
}

function readEntries(dir: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path.join(dir, FILES.entries)));
  } catch {
    return corrupt(`${FILES.entries} is missing`);
  }
}

function leafHashesOf(entries: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < size; i++) out.push(hashLeaf(entries.subarray(i * ENTRY_SIZE, (i + 1) * ENTRY_SIZE)));
  return out;
}

export function initLog(dir: string, key: KeyObject, origin: string): { vkey: string; note: string } {
  if (existsSync(path.join(dir, FILES.meta))) throw new UsageError('OUTPUT_EXISTS', `a log already exists at ${dir}`);
  mkdirSync(dir, { recursive: true });
  const publicKey = rawPublicKey(key);
  writeFileSync(path.join(dir, FILES.entries), new Uint8Array(0));
  const note = signNote(checkpointText({ origin, size: 0, root: emptyRoot() }), origin, key);
  writeAtomic(dir, FILES.checkpoint, FILES.tmp, note);
  writeAtomic(dir, FILES.meta, `${FILES.meta}.tmp`, JSON.stringify({ format: LOG_FORMAT, origin, publicKey: toHex(publicKey) }, null, 2) + '\n');
  return { vkey: verifierKey(origin, publicKey), note };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function withLock<T>(dir: string, body: () => T): T {
  const lock = path.join(dir, FILES.lock);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw e;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      // A writer killed mid-append leaves its lock behind (or an empty one, killed before the pid was written).
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && pidAlive(holder)) throw new UsageError('USAGE', `the log at ${dir} is being appended to by process ${holder}`);
      rmSync(lock, { force: true });
    }
  }
  try {
    return body();
  } finally {
    rmSync(lock, { force: true });
  }
}

export interface AppendResult {
  index: number;
  size: number;
  root: Uint8Array;
  /** Bytes of an unfinished earlier append that were discarded. */
  discarded: number;
  note: string;
}

export function appendEntry(dir: string, entry: Uint8Array, key: KeyObject): AppendResult {
  if (entry.length !== ENTRY_SIZE) throw new UsageError('USAGE', `a log entry is ${ENTRY_SIZE} bytes, got ${entry.length}`);
  const meta = readMeta(dir);
  if (toHex(rawPublicKey(key)) !== meta.publicKey) throw new UsageError('KEY_ERROR', `this key is not the log's key (${meta.publicKey.slice(0, 16)}…)`);
  return withLock(dir, () => {
    rmSync(path.join(dir, FILES.tmp), { force: true });
    const { checkpoint } = readCheckpoint(dir, meta);
    const n = checkpoint.size;
    const fd = openSync(path.join(dir, FILES.entries), 'r+');
    try {
      const length = fstatSync(fd).size;
      if (length < n * ENTRY_SIZE) corrupt(`${FILES.entries} holds ${Math.floor(length / ENTRY_SIZE)} entries, the checkpoint covers ${n}`);
      const stored = new Uint8Array(n * ENTRY_SIZE);
      if (n > 0) readSync(fd, stored, 0, stored.length, 0);
      const leaves = leafHashesOf(stored, n);
      if (!equalBytes(rootFromLeafHashes(leaves), checkpoint.root)) corrupt(`the ${n} stored entries do not hash to the checkpoint's root`);
      const discarded = length - n * ENTRY_SIZE;
      if (discarded > 0) {
        ftruncateSync(fd, n * ENTRY_SIZE);
        fsyncSync(fd);
      }
      writeSync(fd, entry, 0, ENTRY_SIZE, n * ENTRY_SIZE);
      fsyncSync(fd);
      leaves.push(hashLeaf(entry));
      const root = rootFromLeafHashes(leaves);
      const note = signNote(checkpointText({ origin: meta.origin, size: n + 1, root }), meta.origin, key);
      writeAtomic(dir, FILES.checkpoint, FILES.tmp, note);
      return { index: n, size: n + 1, root, discarded, note };
    } finally {
      closeSync(fd);
    }
  });
}

export interface LogStatus {
  origin: string;
  size: number;
  root: Uint8Array;
  /** Bytes past the checkpoint: the remains of an append that did not return (the next append discards them). */
  pendingBytes: number;
  vkey: string;
}

/** Checks the whole log: the checkpoint's signature, and that the stored entries rebuild its root. */
export function verifyLog(dir: string, trustedKey?: Uint8Array): LogStatus {
  const meta = readMeta(dir);
  const { checkpoint } = readCheckpoint(dir, meta, trustedKey);
  const entries = readEntries(dir);
  const n = checkpoint.size;
  if (entries.length < n * ENTRY_SIZE) corrupt(`${FILES.entries} holds ${Math.floor(entries.length / ENTRY_SIZE)} entries, the checkpoint covers ${n}`);
  if (!equalBytes(rootFromLeafHashes(leafHashesOf(entries, n)), checkpoint.root)) corrupt(`the ${n} stored entries do not hash to the checkpoint's root: an entry was changed`);
  return { origin: meta.origin, size: n, root: checkpoint.root, pendingBytes: entries.length - n * ENTRY_SIZE, vkey: verifierKey(meta.origin, fromHex(meta.publicKey)) };
}

export const INCLUSION_FORMAT = 'backproof-log-inclusion/1';
export const CONSISTENCY_FORMAT = 'backproof-log-consistency/1';

export interface InclusionProof {
  format: string;
  index: number;
  size: number;
  /** Hex of the 32-byte entry. */
  entry: string;
  proof: string[];
  /** The signed checkpoint the proof leads to. */
  checkpoint: string;
}

export interface ConsistencyProof {
  format: string;
  from: number;
  to: number;
  proof: string[];
  checkpoint: string;
}

/** Index of the first entry equal to `entry`, or -1. */
export function findEntry(dir: string, entry: Uint8Array): number {
  const { size } = verifyLog(dir);
  const entries = readEntries(dir);
  for (let i = 0; i < size; i++) if (equalBytes(entries.subarray(i * ENTRY_SIZE, (i + 1) * ENTRY_SIZE), entry)) return i;
  return -1;
}

export function proveInclusion(dir: string, index: number): InclusionProof {
  verifyLog(dir);
  const meta = readMeta(dir);
  const { checkpoint, note } = readCheckpoint(dir, meta);
  if (!Number.isSafeInteger(index) || index < 0 || index >= checkpoint.size) throw new UsageError('USAGE', `entry ${index} is not in the log (size ${checkpoint.size})`);
  const entries = readEntries(dir);
  const leaves = leafHashesOf(entries, checkpoint.size);
  return {
    format: INCLUSION_FORMAT, index, size: checkpoint.size, entry: toHex(entries.subarray(index * ENTRY_SIZE, (index + 1) * ENTRY_SIZE)),
    proof: inclusionProofFromLeafHashes(index, leaves).map(toHex), checkpoint: note,
  };
}

export function proveConsistency(dir: string, from: number): ConsistencyProof {
  verifyLog(dir);
  const meta = readMeta(dir);
  const { checkpoint, note } = readCheckpoint(dir, meta);
  if (!Number.isSafeInteger(from) || from < 0 || from > checkpoint.size) throw new UsageError('USAGE', `--from ${from} must be a size in 0..${checkpoint.size}`);
  const leaves = leafHashesOf(readEntries(dir), checkpoint.size);
  const proof = from === 0 || from === checkpoint.size ? [] : consistencyProofFromLeafHashes(from, leaves);
  return { format: CONSISTENCY_FORMAT, from, to: checkpoint.size, proof: proof.map(toHex), checkpoint: note };
}

const invalid = (message: string): never => {
  throw new AuditError('PROOF_INVALID', 'log', message);
};

function openCheckpointNote(note: unknown, origin: string, key: Uint8Array): Checkpoint {
  const text = typeof note === 'string' ? openNote(note, origin, key) : null;
  if (text === null) return invalid(`the checkpoint is not signed by ${verifierKey(origin, key)}`);
  const c = parseCheckpoint(text);
  if (!c || c.origin !== origin) return invalid('the signed text is not a checkpoint of this origin');
  return c;
}

const hashes = (list: unknown): Uint8Array[] => {
  if (!Array.isArray(list) || list.some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) return invalid('the proof is not a list of hashes');
  return (list as string[]).map(fromHex);
};

/** Checks an inclusion proof offline against its checkpoint, signed by (origin, key). */
export function verifyInclusionProof(p: InclusionProof, origin: string, key: Uint8Array): Checkpoint {
  if (p?.format !== INCLUSION_FORMAT) invalid(`not a ${INCLUSION_FORMAT} proof`);
  const c = openCheckpointNote(p.checkpoint, origin, key);
  if (p.size !== c.size) invalid(`the proof is for size ${p.size}, the checkpoint is for ${c.size}`);
  if (typeof p.entry !== 'string' || !/^[0-9a-f]{64}$/.test(p.entry)) invalid('the entry is not a 32-byte hash');
  if (!Number.isSafeInteger(p.index) || p.index < 0 || p.index >= c.size || !verifyInclusion(hashLeaf(fromHex(p.entry)), p.index, c.size, hashes(p.proof), c.root))
    invalid(`entry ${p.index} is not included in the checkpoint's tree`);
  return c;
}

/** Checks that `entry` (e.g. SHA-256 of a record.pb) is the proven entry, and the proof. */
export function verifyEntryLogged(entry: Uint8Array, p: InclusionProof, origin: string, key: Uint8Array): Checkpoint {
  const c = verifyInclusionProof(p, origin, key);
  if (p.entry !== toHex(entry)) invalid(`the proof is for entry ${p.entry}, this record hashes to ${toHex(entry)}`);
  return c;
}

/** Checks a consistency proof between an earlier signed checkpoint and the proof's. */
export function verifyConsistencyProof(p: ConsistencyProof, earlierNote: string, origin: string, key: Uint8Array): { from: Checkpoint; to: Checkpoint } {
  if (p?.format !== CONSISTENCY_FORMAT) invalid(`not a ${CONSISTENCY_FORMAT} proof`);
  const older = openCheckpointNote(earlierNote, origin, key);
  const newer = openCheckpointNote(p.checkpoint, origin, key);
  if (p.from !== older.size || p.to !== newer.size) invalid(`the proof is from size ${p.from} to ${p.to}; the checkpoints are for ${older.size} and ${newer.size}`);
  const proof = hashes(p.proof);
  const ok = older.size === 0 ? proof.length === 0
    : older.size === newer.size ? proof.length === 0 && equalBytes(older.root, newer.root)
    : verifyConsistency(older.size, newer.size, older.root, newer.root, proof);
  if (!ok) invalid(`the tree of size ${newer.size} does not extend the tree of size ${older.size}`);
  return { from: older, to: newer };
}

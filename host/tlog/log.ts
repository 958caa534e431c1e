/**
 * @module tlog/log
 * An append-only local transparency log of record hashes: an RFC 9162 tree whose entries are
 * 32-byte hashes (leaf = SHA-256(0x00 ‖ entry)), published through C2SP checkpoints signed with the
 * log's Ed25519 key.
 *
 * On disk (one folder): `log.json` (format, origin, public key), `entries` (the entries back to
 * back, 32 bytes each), `checkpoint` (the latest signed checkpoint note), `range` (the compact range
 * of the checkpoint's tree: a cache, checked against the signed root before use), `locks/` (the
 * writer lock, lock.ts) and, while an append runs, `<file>.<pid>.<start>.<thread>.<n>.tmp`.
 *
 * Any number of processes may append at once. An append (1) takes the writer lock, waiting for a
 * live holder and taking over from one that is gone; (2) reads the tree state — the signed
 * checkpoint and the entries' length — under the lock, since others may have appended since;
 * (3) cuts off bytes past the checkpoint's size — the remains of an append that never returned —
 * (4) writes the entry and fsyncs, (5) writes the new compact range and then the new checkpoint,
 * each to a private tmp file, fsynced and renamed into place, and fsyncs the folder; only then does
 * it release the lock and return. So an append has returned exactly when the checkpoint covers its
 * entry, at the index it returned; a process killed at any point leaves a log that opens and
 * verifies, with every returned entry in place. Readers need no lock: they read the checkpoint
 * first, and the entries it covers are never rewritten.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AuditError, UsageError } from '../errors.ts';
import { rawPublicKey } from '../audit/keys.ts';
import {
  consistencyProofFromLeafHashes, emptyRoot, equalBytes, fromHex, hashLeaf, inclusionProofFromLeafHashes, rootFromLeafHashes, toHex,
  verifyConsistency, verifyInclusion,
} from '../../traces/index.ts';
import { checkpointText, openNote, parseCheckpoint, signNote, verifierKey, type Checkpoint } from './note.ts';
import { privateName, withLogLock } from './lock.ts';
import { appendToRange, rangeLength, rangeOfLeaves, rootOfRange } from './range.ts';

export const LOG_FORMAT = 'backproof-log/1';
export const ENTRY_SIZE = 32;
const FILES = { meta: 'log.json', entries: 'entries', checkpoint: 'checkpoint', range: 'range' } as const;
/** Tmp files of an append or init that never finished: the private names of writeAtomic, and those of earlier versions. */
const LEFTOVER = /^(?:(?:checkpoint|range|log\.json)\..+\.tmp|checkpoint\.tmp|log\.json\.tmp)$/;

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

/**
 * Writes a file so that it is either the old or the new content, even if the process dies. The tmp
 * name is private to this call, so no other writer can remove or rename it from under us. `durable`
 * also fsyncs the file and the folder, so the new content survives a power loss.
 */
function writeAtomic(dir: string, name: string, content: string | Uint8Array, durable = true): void {
  const tmp = path.join(dir, privateName(name));
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path.join(dir, name));
  if (durable) fsyncDir(dir);
}

/** Removes what appends killed mid-way left behind. Only under the lock: the holder is the only writer. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) if (LEFTOVER.test(name)) rmSync(path.join(dir, name), { force: true });
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
  // Under the writer lock, so that two inits of one folder cannot interleave their files.
  const note = withLogLock(dir, () => {
    if (existsSync(path.join(dir, FILES.meta))) throw new UsageError('OUTPUT_EXISTS', `a log already exists at ${dir}`);
    removeLeftovers(dir);
    writeFileSync(path.join(dir, FILES.entries), new Uint8Array(0));
    rmSync(path.join(dir, FILES.range), { force: true });
    const signed = signNote(checkpointText({ origin, size: 0, root: emptyRoot() }), origin, key);
    writeAtomic(dir, FILES.checkpoint, signed);
    writeAtomic(dir, FILES.meta, JSON.stringify({ format: LOG_FORMAT, origin, publicKey: toHex(publicKey) }, null, 2) + '\n');
    return signed;
  });
  return { vkey: verifierKey(origin, publicKey), note };
}

/** `range`: the tree size (8 bytes, big-endian), then the compact range's hashes. */
function encodeRange(size: number, range: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(8 + range.length * 32);
  new DataView(out.buffer).setBigUint64(0, BigInt(size));
  range.forEach((h, i) => out.set(h, 8 + i * 32));
  return out;
}

/** The stored compact range, if it is the one of the checkpoint's tree (it must fold to the signed root); else null. */
function storedRange(dir: string, checkpoint: Checkpoint): Uint8Array[] | null {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path.join(dir, FILES.range)));
  } catch {
    return null;
  }
  const count = rangeLength(checkpoint.size);
  if (bytes.length !== 8 + count * 32 || new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0) !== BigInt(checkpoint.size)) return null;
  const range = Array.from({ length: count }, (_, i) => bytes.slice(8 + i * 32, 8 + (i + 1) * 32));
  return equalBytes(rootOfRange(range), checkpoint.root) ? range : null;
}

export interface AppendResult {
  index: number;
  size: number;
  root: Uint8Array;
  /** Bytes of an unfinished earlier append that were discarded. */
  discarded: number;
  note: string;
}

/**
 * Appends `entry` and returns once the new signed checkpoint covers it: `index` is its place for
 * good. Safe with any number of concurrent writers (processes or threads): it waits its turn, and
 * gives up (USAGE) only when one live writer has held the lock for over `waitMs` (default 60 s).
 */
export function appendEntry(dir: string, entry: Uint8Array, key: KeyObject, options: { waitMs?: number } = {}): AppendResult {
  if (entry.length !== ENTRY_SIZE) throw new UsageError('USAGE', `a log entry is ${ENTRY_SIZE} bytes, got ${entry.length}`);
  const meta = readMeta(dir);
  if (toHex(rawPublicKey(key)) !== meta.publicKey) throw new UsageError('KEY_ERROR', `this key is not the log's key (${meta.publicKey.slice(0, 16)}…)`);
  return withLogLock(dir, () => {
    removeLeftovers(dir);
    // The tree is read here, under the lock: other writers may have appended since this process last looked.
    const { checkpoint } = readCheckpoint(dir, meta);
    const n = checkpoint.size;
    const fd = openSync(path.join(dir, FILES.entries), 'r+');
    try {
      const length = fstatSync(fd).size;
      if (length < n * ENTRY_SIZE) corrupt(`${FILES.entries} holds ${Math.floor(length / ENTRY_SIZE)} entries, the checkpoint covers ${n}`);
      // Without a stored range that folds to the signed root (a log from an earlier version, or an
      // append killed between the range and the checkpoint), rebuild it from the entries, once.
      let range = storedRange(dir, checkpoint);
      if (range === null) {
        const stored = new Uint8Array(n * ENTRY_SIZE);
        if (n > 0) readSync(fd, stored, 0, stored.length, 0);
        range = rangeOfLeaves(leafHashesOf(stored, n));
        if (!equalBytes(rootOfRange(range), checkpoint.root)) corrupt(`the ${n} stored entries do not hash to the checkpoint's root`);
      }
      const discarded = length - n * ENTRY_SIZE;
      if (discarded > 0) {
        ftruncateSync(fd, n * ENTRY_SIZE);
        fsyncSync(fd);
      }
      writeSync(fd, entry, 0, ENTRY_SIZE, n * ENTRY_SIZE);
      fsyncSync(fd);
      const next = appendToRange(range, n, hashLeaf(entry));
      const root = rootOfRange(next);
      const note = signNote(checkpointText({ origin: meta.origin, size: n + 1, root }), meta.origin, key);
      // The range is a cache checked before use, so it needs no fsync; the checkpoint is the commit point.
      writeAtomic(dir, FILES.range, encodeRange(n + 1, next), false);
      writeAtomic(dir, FILES.checkpoint, note);
      return { index: n, size: n + 1, root, discarded, note };
    } finally {
      closeSync(fd);
    }
  }, options.waitMs);
}

export interface LogStatus {
  origin: string;
  size: number;
  root: Uint8Array;
  /** Bytes past the checkpoint: an append under way, or the remains of one that did not return (the next append discards those). */
  pendingBytes: number;
  vkey: string;
}

interface LogState {
  meta: LogMeta;
  checkpoint: Checkpoint;
  note: string;
  entries: Uint8Array;
  leaves: Uint8Array[];
}

/**
 * One consistent view of the log, checked: the checkpoint is read first, then the entries it
 * covers (appends only ever add past them), so a view taken during an append is still whole.
 */
function readState(dir: string, trustedKey?: Uint8Array): LogState {
  const meta = readMeta(dir);
  const { checkpoint, note } = readCheckpoint(dir, meta, trustedKey);
  const entries = readEntries(dir);
  const n = checkpoint.size;
  if (entries.length < n * ENTRY_SIZE) corrupt(`${FILES.entries} holds ${Math.floor(entries.length / ENTRY_SIZE)} entries, the checkpoint covers ${n}`);
  const leaves = leafHashesOf(entries, n);
  if (!equalBytes(rootFromLeafHashes(leaves), checkpoint.root)) corrupt(`the ${n} stored entries do not hash to the checkpoint's root: an entry was changed`);
  return { meta, checkpoint, note, entries, leaves };
}

/** Checks the whole log: the checkpoint's signature, and that the stored entries rebuild its root. */
export function verifyLog(dir: string, trustedKey?: Uint8Array): LogStatus {
  const { meta, checkpoint, entries } = readState(dir, trustedKey);
  const n = checkpoint.size;
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
  const { checkpoint, entries } = readState(dir);
  for (let i = 0; i < checkpoint.size; i++) if (equalBytes(entries.subarray(i * ENTRY_SIZE, (i + 1) * ENTRY_SIZE), entry)) return i;
  return -1;
}

/** An inclusion proof of entry `index` in the latest checkpoint (which may be newer than the append that returned `index`). */
export function proveInclusion(dir: string, index: number): InclusionProof {
  const { checkpoint, note, entries, leaves } = readState(dir);
  if (!Number.isSafeInteger(index) || index < 0 || index >= checkpoint.size) throw new UsageError('USAGE', `entry ${index} is not in the log (size ${checkpoint.size})`);
  return {
    format: INCLUSION_FORMAT, index, size: checkpoint.size, entry: toHex(entries.subarray(index * ENTRY_SIZE, (index + 1) * ENTRY_SIZE)),
    proof: inclusionProofFromLeafHashes(index, leaves).map(toHex), checkpoint: note,
  };
}

export function proveConsistency(dir: string, from: number): ConsistencyProof {
  const { checkpoint, note, leaves } = readState(dir);
  if (!Number.isSafeInteger(from) || from < 0 || from > checkpoint.size) throw new UsageError('USAGE', `--from ${from} must be a size in 0..${checkpoint.size}`);
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

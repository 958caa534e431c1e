/**
 * @module audit/record
 * The one owner of the run record: the link chain (encode and decode of each link), the signed
 * record, the run id, the snapshot list's digest, and record.json — which is always rendered from
 * record.pb and never read back. Every other module builds or reads a record through here.
 *
 *   hash(link) = SHA-256("backproof/link/v1" ‖ 0x00 ‖ encoded Link)
 *
 * The record is a hash chain of links, each binding one stage of the run and the hash of the link
 * before it: toolchain → strategy → data → config → trace → result. The first link's `prev` is 32
 * zero bytes; the record's `head` is the last link's hash. Canonical encodings: docs/AUDIT.md.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { AuditError } from '../errors.ts';
import { decodeCanonical, encode, pb, uint64 } from './codec.ts';
import { rawPublicKey, signRecord } from './keys.ts';
import { equalBytes, toHex } from '../../traces/index.ts';

export const LINK_KINDS = ['toolchain', 'strategy', 'data', 'config', 'trace', 'result'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_TYPES = {
  toolchain: pb.Toolchain, strategy: pb.StrategyLink, data: pb.DataLink,
  config: pb.ConfigLink, trace: pb.TraceLink, result: pb.ResultLink,
} as const;

const LINK_DOMAIN = Buffer.from('backproof/link/v1\0', 'latin1');
const RUN_ID_DOMAIN = Buffer.from('backproof/run-id/v2\0', 'latin1');
export const ZERO_HASH = new Uint8Array(32);
/**
 * 2: the run id covers the whole config link, the trace link binds the snapshot list. 3: the toolchain
 * link's lockfile is the strategy project's, named or "absent", with the Backproof it installed.
 */
export const RECORD_VERSION = 3;
/** Versions this code reads: a version 2 record differs only in its toolchain link (fields 8-10 unset). */
export const READABLE_VERSIONS: readonly number[] = [2, 3];
/** Toolchain fields a version 2 record does not have (left out of its record.json). */
const V3_TOOLCHAIN_FIELDS = ['lockfile', 'installedBackproof', 'installedIntegrity'];

type Body = Record<string, unknown>;

export function hashLink(linkBytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(LINK_DOMAIN).update(linkBytes).digest());
}

export interface ChainedLink {
  kind: LinkKind;
  body: Uint8Array;
  prev: Uint8Array;
  hash: Uint8Array;
}

/** Encodes each stage's message and chains them in LINK_KINDS order. */
export function chainLinks(bodies: Record<LinkKind, Body>): ChainedLink[] {
  const out: ChainedLink[] = [];
  let prev: Uint8Array = ZERO_HASH;
  for (const kind of LINK_KINDS) {
    const body = encode(LINK_TYPES[kind], bodies[kind]);
    const hash = hashLink(encode(pb.Link, { kind, prev, body }));
    out.push({ kind, body, prev, hash });
    prev = hash;
  }
  return out;
}

export function encodeRecord(runId: string, links: ChainedLink[]): Uint8Array {
  return encode(pb.Record, {
    version: RECORD_VERSION,
    runId,
    links: links.map((l) => ({ kind: l.kind, prev: l.prev, body: l.body })),
    head: links[links.length - 1]!.hash,
  });
}

/** record.pb: the encoded Record with its Ed25519 signature and key (both empty when unsigned). */
export function signedRecordBytes(recordBytes: Uint8Array, key: KeyObject | null): Uint8Array {
  return encode(pb.SignedRecord, {
    record: recordBytes,
    signature: key ? signRecord(recordBytes, key) : new Uint8Array(0),
    publicKey: key ? rawPublicKey(key) : new Uint8Array(0),
  });
}

/**
 * The run id: the first 16 hex digits of
 *   SHA-256("backproof/run-id/v2" ‖ 0x00 ‖ module SHA-256 ‖ DataLink′ ‖ ConfigLink)
 * where ConfigLink is the whole encoded config link and DataLink′ the data link with each file's
 * path and bar count cleared (the id is known before the run, and moving a file does not change
 * what the run computes). So every setting that can change a result changes the id.
 */
export function runIdOf(wasmSha256: Uint8Array, data: Body, config: Body): string {
  const files = ((data.files as Body[] | undefined) ?? []).map((f) => ({ ...plainFields(pb.DataFile, f), path: '', bars: uint64(0) }));
  return createHash('sha256')
    .update(RUN_ID_DOMAIN)
    .update(wasmSha256)
    .update(encode(pb.DataLink, { files }))
    .update(encode(pb.ConfigLink, config))
    .digest('hex')
    .slice(0, 16);
}

/** A message's fields by name (works for plain objects and decoded messages alike). */
function plainFields(type: typeof pb.DataFile, value: Body): Body {
  const out: Body = {};
  for (const f of type.fieldsArray) if (value[f.name] !== undefined && value[f.name] !== null) out[f.name] = value[f.name];
  return out;
}

/**
 * The snapshot list's bytes: a `Snapshots` message (bar, SHA-256 of the state) in bar order. The
 * trace link binds its SHA-256; snapshots.json is its rendering.
 */
export function encodeSnapshots(snapshots: readonly { bar: number; hash: Uint8Array }[]): Uint8Array {
  return encode(pb.Snapshots, { snapshots: snapshots.map((s) => ({ bar: s.bar, sha256: s.hash })) });
}

export function snapshotsSha256(snapshots: readonly { bar: number; hash: Uint8Array }[]): Uint8Array {
  return new Uint8Array(createHash('sha256').update(encodeSnapshots(snapshots)).digest());
}

export interface DecodedLink {
  kind: LinkKind;
  prev: Uint8Array;
  body: Uint8Array;
  hash: Uint8Array;
}

/** A record.pb decoded and its chain checked (the signature is checked by the caller: it decides which key to trust). */
export interface DecodedRecord {
  /** The exact signed bytes (the encoded Record). */
  recordBytes: Uint8Array;
  signature: Uint8Array;
  publicKey: Uint8Array;
  version: number;
  runId: string;
  links: DecodedLink[];
  /** Decoded link bodies by kind. */
  bodies: Record<LinkKind, Body>;
  head: Uint8Array;
}

const fail = (step: string, message: string): never => {
  throw new AuditError('VERIFY_FAILED', step, `${message} (record.pb)`);
};

/** record.pb's outer message: the exact signed bytes, the signature and the key (both empty when unsigned). */
export interface SignedEnvelope {
  record: Uint8Array;
  signature: Uint8Array;
  publicKey: Uint8Array;
}

/** Step record: decodes record.pb's outer message (canonical encoding only). The signature is checked on `record` before it is parsed. */
export function decodeSignedEnvelope(raw: Uint8Array): SignedEnvelope {
  // An empty file decodes as an envelope of defaults (version 0, unsigned): say what it is instead.
  if (raw.length === 0) throw new AuditError('RECORD_MALFORMED', 'record', 'record.pb is empty (0 bytes): not a record');
  let envelope: SignedEnvelope;
  try {
    envelope = decodeCanonical(pb.SignedRecord, raw) as unknown as SignedEnvelope;
  } catch (e) {
    throw new AuditError('RECORD_MALFORMED', 'record', `record.pb is not a valid record: ${(e as Error).message}`, { cause: e });
  }
  if (envelope.record.length === 0) throw new AuditError('RECORD_MALFORMED', 'record', `record.pb (${raw.length} bytes) holds no Record: not a record`);
  return envelope;
}

/**
 * Decodes the signed Record (canonical encodings only), checks the version, the link kinds and
 * order, each link's `prev`, each body's canonical decoding, and the head. Step names: record, chain.
 */
export function decodeRecordChain(signed: SignedEnvelope): DecodedRecord {
  let rec: { version: number; runId: string; links: { kind: string; prev: Uint8Array; body: Uint8Array }[]; head: Uint8Array };
  try {
    rec = decodeCanonical(pb.Record, signed.record) as unknown as typeof rec;
  } catch (e) {
    throw new AuditError('RECORD_MALFORMED', 'record', `record.pb is not a valid record: ${(e as Error).message}`, { cause: e });
  }
  if (!READABLE_VERSIONS.includes(rec.version)) fail('record', `version ${rec.version}, this verifier reads versions ${READABLE_VERSIONS.join(' and ')}`);
  if (rec.links.length !== LINK_KINDS.length || rec.links.some((l, i) => l.kind !== LINK_KINDS[i]))
    fail('chain', `links are [${rec.links.map((l) => l.kind).join(', ')}], expected [${LINK_KINDS.join(', ')}]`);
  let prev: Uint8Array = ZERO_HASH;
  const bodies = {} as Record<LinkKind, Body>;
  const links: DecodedLink[] = [];
  for (const link of rec.links) {
    const kind = link.kind as LinkKind;
    if (!equalBytes(link.prev, prev)) fail('chain', `link "${kind}".prev is ${toHex(link.prev)}, the previous link hashes to ${toHex(prev)}`);
    try {
      bodies[kind] = decodeCanonical(LINK_TYPES[kind], link.body) as Body;
    } catch (e) {
      fail('chain', `link "${kind}" body does not decode: ${(e as Error).message}`);
    }
    const hash = hashLink(encode(pb.Link, { kind, prev: link.prev, body: link.body }));
    links.push({ kind, prev: link.prev, body: link.body, hash });
    prev = hash;
  }
  const extra = rec.version < 3 ? V3_TOOLCHAIN_FIELDS.filter((f) => bodies.toolchain[f] !== undefined && bodies.toolchain[f] !== '') : [];
  if (extra.length > 0) fail('chain', `a version ${rec.version} record's toolchain link has ${extra.join(', ')}, which version 3 introduced`);
  if (rec.version >= 3) checkLockfileFields(bodies.toolchain);
  if (!equalBytes(rec.head, prev)) fail('chain', `head is ${toHex(rec.head)}, the last link hashes to ${toHex(prev)}`);
  return {
    recordBytes: signed.record, signature: signed.signature, publicKey: signed.publicKey,
    version: rec.version, runId: rec.runId, links, bodies, head: rec.head,
  };
}

/** Version 3's lockfile fields agree: a lockfile named with its 32-byte hash, or "absent" with no hash and no installed Backproof. */
function checkLockfileFields(t: Body): void {
  const sha = (t.lockfileSha256 as Uint8Array | undefined) ?? new Uint8Array(0);
  if (t.lockfile === 'package-lock.json') {
    if (sha.length !== 32) fail('chain', `the toolchain link names lockfile package-lock.json with a ${sha.length}-byte hash, not 32`);
  } else if (t.lockfile === 'absent') {
    if (sha.length !== 0 || t.installedBackproof || t.installedIntegrity) fail('chain', 'the toolchain link says the lockfile is absent but records its hash or installed Backproof');
  } else fail('chain', `the toolchain link's lockfile is "${String(t.lockfile ?? '')}", expected "package-lock.json" or "absent"`);
}

/** Both steps at once, for callers that check no signature (the writer rendering its own record). */
export function decodeSignedRecord(raw: Uint8Array): DecodedRecord {
  return decodeRecordChain(decodeSignedEnvelope(raw));
}

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return toHex(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    if ('low' in value && 'high' in value && 'unsigned' in value) return String(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

/** record.json as an object: the record decoded for people (bytes as lowercase hex, 64-bit integers as decimal strings, every field present). */
export function recordObject(rec: DecodedRecord): Record<string, unknown> {
  const signed = rec.signature.length > 0;
  return {
    version: rec.version,
    runId: rec.runId,
    head: toHex(rec.head),
    signed,
    publicKey: rec.publicKey.length > 0 ? toHex(rec.publicKey) : null,
    signature: signed ? toHex(rec.signature) : null,
    links: rec.links.map((l) => {
      const type = LINK_TYPES[l.kind];
      const body = type.toObject(type.decode(l.body), { longs: String, defaults: true, arrays: true });
      if (l.kind === 'toolchain' && rec.version < 3) for (const f of V3_TOOLCHAIN_FIELDS) delete body[f];
      // a data file's window (walk-forward) is shown only when there is one: record.json without one is as before
      if (l.kind === 'data') for (const f of body.files as Record<string, unknown>[]) if (f.window === null) delete f.window;
      return { kind: l.kind, hash: toHex(l.hash), prev: toHex(l.prev), body: plain(body) };
    }),
  };
}

/** record.json: exactly this text for a given record.pb (verify compares the bytes). */
export function renderRecordJson(rec: DecodedRecord): string {
  return JSON.stringify(recordObject(rec), null, 2) + '\n';
}

/**
 * @module audit/record-json
 * record.json: the signed record decoded for people. Bytes as lowercase hex, 64-bit integers as
 * decimal strings. Informative only — verify trusts record.pb.
 */
import { pb, decodeCanonical } from './codec.ts';
import { LINK_TYPES, hashLink, type LinkKind } from './chain.ts';
import { encode } from './codec.ts';
import { toHex } from '../../traces/index.ts';

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

export function recordJson(signed: { record: Uint8Array; signature: Uint8Array; publicKey: Uint8Array }): string {
  const rec = decodeCanonical(pb.Record, signed.record) as unknown as { version: number; runId: string; links: { kind: string; prev: Uint8Array; body: Uint8Array }[]; head: Uint8Array };
  const links = rec.links.map((l) => {
    const type = LINK_TYPES[l.kind as LinkKind];
    const body = type ? type.toObject(type.decode(l.body), { longs: String, defaults: true, arrays: true }) : null;
    return { kind: l.kind, hash: toHex(hashLink(encode(pb.Link, { kind: l.kind, prev: l.prev, body: l.body }))), prev: toHex(l.prev), body: plain(body) };
  });
  return JSON.stringify({
    version: rec.version,
    runId: rec.runId,
    head: toHex(rec.head),
    signed: signed.signature.length > 0,
    publicKey: signed.publicKey.length > 0 ? toHex(signed.publicKey) : null,
    signature: signed.signature.length > 0 ? toHex(signed.signature) : null,
    links,
  }, null, 2) + '\n';
}

/**
 * @module audit/chain
 * The record is a hash chain of links, each binding one stage of the run and the hash of the
 * link before it: toolchain → strategy → data → config → trace → result.
 *   hash(link) = SHA-256("backproof/link/v1" ‖ 0x00 ‖ encoded Link)
 * The first link's `prev` is 32 zero bytes; the record's `head` is the last link's hash.
 */
import { createHash } from 'node:crypto';
import { encode, pb } from './codec.ts';

export const LINK_KINDS = ['toolchain', 'strategy', 'data', 'config', 'trace', 'result'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_TYPES = {
  toolchain: pb.Toolchain, strategy: pb.StrategyLink, data: pb.DataLink,
  config: pb.ConfigLink, trace: pb.TraceLink, result: pb.ResultLink,
} as const;

const LINK_DOMAIN = Buffer.from('backproof/link/v1\0', 'latin1');
export const ZERO_HASH = new Uint8Array(32);
export const RECORD_VERSION = 1;

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
export function chainLinks(bodies: Record<LinkKind, Record<string, unknown>>): ChainedLink[] {
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

import { describe, expect, it } from 'vitest';
import { chainLinks, encodeRecord, hashLink } from '../../host/audit/record.ts';
import { encodeResult, decodeResult, decodeCanonical, encode, pb, uint64 } from '../../host/audit/codec.ts';
import { toHex } from '../../traces/index.ts';
import { createHash } from 'node:crypto';

const sha256Of = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

// Fixed inputs, so the bytes depend only on the schema and the encoder (not on this machine).
const h = (b: number): Uint8Array => new Uint8Array(32).fill(b);
const BODIES = {
  toolchain: {
    lockfileSha256: h(1), node: 'v24.0.0', assemblyscript: '0.28.20', instrumenter: 'backproof-instrument/1', backproof: '0.1.0', ascFlags: ['-O3'],
    lockfile: 'package-lock.json', installedBackproof: '0.1.0', installedIntegrity: 'sha512-AAAA',
  },
  strategy: { sources: [{ path: 'a.ts', sha256: h(2), normalizedSha256: h(3) }], wasmSha256: h(4), wasmSize: uint64(100), instrumentedSha256: h(5), instrumentedSize: uint64(300) },
  data: { files: [{ path: 'data/GOOG.csv', sha256: h(6), size: uint64(97833), bars: uint64(2148) }] },
  config: { cash: 10000, commission: 0.002, params: [{ name: 'fast', value: 10 }, { name: 'slow', value: 20 }], fuelBudget: uint64(1n << 34n), maxMemoryPages: 256, traceMode: 'full', chunkSize: 65536, seed: 0 },
  trace: { root: h(7), leaves: uint64(26), bytes: uint64(1660832), instructions: uint64(1324121), fuelUsed: uint64(1324121), leafHashesSha256: h(8), snapshotsSha256: h(10) },
  result: { sha256: h(9), size: uint64(1234), trades: 93, equityFinal: 56263.5193 },
};

describe('canonical encodings (golden bytes)', () => {
  it('a record encodes to the pinned bytes', () => {
    const links = chainLinks(BODIES);
    const bytes = encodeRecord('0123456789abcdef', links);
    expect(bytes.length).toBe(GOLDEN_RECORD_LENGTH);
    expect(toHex(sha256Of(bytes))).toBe(GOLDEN_RECORD_SHA256);
    expect(toHex(links[5]!.hash)).toBe(GOLDEN_HEAD);
    expect(toHex(bytes.subarray(0, 48))).toBe(GOLDEN_RECORD_PREFIX);
  });

  it('each link hash covers the previous one', () => {
    const links = chainLinks(BODIES);
    for (let i = 1; i < links.length; i++) expect(toHex(links[i]!.prev)).toBe(toHex(links[i - 1]!.hash));
    const relinked = hashLink(encode(pb.Link, { kind: 'data', prev: new Uint8Array(32), body: links[2]!.body }));
    expect(toHex(relinked)).not.toBe(toHex(links[2]!.hash));
  });

  it('a result encodes to the pinned bytes and round-trips', () => {
    const result = {
      trades: [{ symbol: 1, entryBar: 1, exitBar: 3, entryTime: 1092873600000000000n, exitTime: 1093046400000000000n, size: -83, entryPrice: 12.5, exitPrice: 14, pnl: -124.5, returnPct: -12, commission: 0.25 }],
      orders: [],
      equity: new Float64Array([10000, 10001.5, 9999.25]),
      stats: {
        start: 1092873600000000000n, end: 1093046400000000000n, durationDays: 2, bars: 3, exposurePct: 50, equityFinal: 9999.25,
        equityPeak: 10001.5, commissions: 0.25, returnPct: -0.0075, buyHoldReturnPct: 1, returnAnnPct: -0.5, volatilityAnnPct: 0.5,
        cagrPct: NaN, sharpe: NaN, sortino: -1.5, calmar: 0.25, alphaPct: -1.0075, beta: 1, maxDrawdownPct: -0.0225,
        avgDrawdownPct: -0.0225, maxDrawdownDays: 1, avgDrawdownDays: 1, trades: 1, winRatePct: 0, bestTradePct: -12,
        worstTradePct: -12, avgTradePct: -12, maxTradeDays: 2, avgTradeDays: 2, profitFactor: NaN, expectancyPct: -12,
        sqn: NaN, kelly: NaN, rejectedOrders: 2, periodsPerYear: 252,
      },
    };
    const bytes = encodeResult(result);
    expect(toHex(bytes)).toBe(GOLDEN_RESULT_HEX.replace(/\s+/g, ''));
    expect(Buffer.compare(encodeResult(decodeResult(bytes)), bytes)).toBe(0);
  });

  it('rejects a non-canonical encoding of the same values', () => {
    const good = encode(pb.ResultLink, { sha256: h(9), trades: 3 });
    // The same two fields, written in reverse tag order: valid protobuf, not canonical.
    const reordered = new Uint8Array([0x18, 0x03, 0x0a, 0x20, ...h(9)]);
    expect(pb.ResultLink.decode(reordered).toJSON()).toEqual(pb.ResultLink.decode(good).toJSON());
    expect(() => decodeCanonical(pb.ResultLink, reordered)).toThrow(/canonical/);
  });
});


// Record version 2 (was 831 bytes, 729a9392…, head 998c4d58…, prefix 0801…): the version byte is 2 and the
// trace link gained field 7, snapshots_sha256 (34 bytes, and one more byte of each enclosing length).
// Record version 3 (was 866 bytes, 79294ef2…, head ff13d38b…, prefix 0802…1a8701…): the version byte is 3 and the
// toolchain link gained fields 8-10, lockfile "package-lock.json" (19 bytes), installed_backproof "0.1.0" (7) and
// installed_integrity "sha512-AAAA" (13): 39 bytes, its length 0x87 → 0xae (still two bytes), 866 + 39 = 905.
const GOLDEN_RECORD_LENGTH = 905;
const GOLDEN_RECORD_SHA256 = '922ac2b38c4480d4b3145727c93a3e5ed670af72fae088fd43c9d7893b4c5022';
const GOLDEN_HEAD = '6ad17216dcd9ae0ffd8310bd75460ea6be89fc55084ef8db0080ec173255f865';
const GOLDEN_RECORD_PREFIX = '08031210303132333435363738396162636465661aae010a09746f6f6c636861696e1220000000000000000000000000';
const GOLDEN_RESULT_HEX =
  '0a5008011003188080b886f7afd5aa1e208080a8b09bfaa3ab1e290000000000c054c031000000000000294039000000' +
  '0000002c40410000000000205fc04900000000000028c051000000000000d03f58011218000000000088c34000000000' +
  'c088c34000000000a087c3401ab202088080b886f7afd5aa1e108080a8b09bfaa3ab1e19000000000000004020032900' +
  '000000000049403100000000a087c3403900000000c088c34041000000000000d03f49b81e85eb51b87ebf5100000000' +
  '0000f03f59000000000000e0bf61000000000000e03f69000000000000f87f71000000000000f87f79000000000000f8' +
  'bf8101000000000000d03f89011f85eb51b81ef0bf9101000000000000f03f99010ad7a3703d0a97bfa1010ad7a3703d' +
  '0a97bfa901000000000000f03fb101000000000000f03fb80101c90100000000000028c0d10100000000000028c0d901' +
  '00000000000028c0e1010000000000000040e9010000000000000040f101000000000000f87ff90100000000000028c0' +
  '8102000000000000f87f8902000000000000f87f900202' +
  '99020000000000806f40'; // stats field 35, periods per year: 252 (0, the default, is not written)

import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  merkleRoot, inclusionProof, verifyInclusion, consistencyProof, verifyConsistency, hashLeaf, rootFromLeafHashes,
  toHex, fromHex, emptyRoot, TraceError, assertInclusion,
} from '../../traces/index.ts';

// RFC 6962 test vectors (certificate-transparency / transparency-dev/merkle testonly): the 8 leaves
// and the tree head at each size.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// Naive recursive reference, straight from RFC 9162 §2.1 (tests only).
const H = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
function MTH(D: Uint8Array[]): Uint8Array {
  if (D.length === 0) return H();
  if (D.length === 1) return H(new Uint8Array([0]), D[0]!);
  const s = k(D.length);
  return H(new Uint8Array([1]), MTH(D.slice(0, s)), MTH(D.slice(s)));
}
function PATH(m: number, D: Uint8Array[]): Uint8Array[] {
  if (D.length === 1) return [];
  const s = k(D.length);
  return m < s ? [...PATH(m, D.slice(0, s)), MTH(D.slice(s))] : [...PATH(m - s, D.slice(s)), MTH(D.slice(0, s))];
}
function SUBPROOF(m: number, D: Uint8Array[], b: boolean): Uint8Array[] {
  const n = D.length;
  if (m === n) return b ? [] : [MTH(D)];
  const s = k(n);
  return m <= s ? [...SUBPROOF(m, D.slice(0, s), b), MTH(D.slice(s))] : [...SUBPROOF(m - s, D.slice(s), false), MTH(D.slice(0, s))];
}
const PROOF = (m: number, D: Uint8Array[]): Uint8Array[] => (m === 0 ? [] : SUBPROOF(m, D, true));

const hexes = (xs: Uint8Array[]): string[] => xs.map(toHex);

describe('RFC 6962 vectors', () => {
  it('tree heads for sizes 0..8', () => {
    for (let n = 0; n <= 8; n++) expect(toHex(merkleRoot(LEAVES.slice(0, n)))).toBe(ROOTS[n]);
    expect(toHex(emptyRoot())).toBe(ROOTS[0]);
  });

  it('published inclusion and consistency proofs', () => {
    expect(hexes(inclusionProof(0, LEAVES))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hexes(consistencyProof(1, LEAVES))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hexes(consistencyProof(6, LEAVES))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });
});

describe('exhaustive against the naive reference', () => {
  const N = 130;
  const data = Array.from({ length: N }, (_, i) => new Uint8Array([i, i >> 8, 7]));
  const leafHashes = data.map(hashLeaf);
  const roots = Array.from({ length: N + 1 }, (_, n) => rootFromLeafHashes(leafHashes.slice(0, n)));

  it(`roots for every size up to ${N}`, () => {
    for (let n = 0; n <= 20; n++) expect(toHex(roots[n]!)).toBe(toHex(MTH(data.slice(0, n))));
    for (let n = 21; n <= N; n += 13) expect(toHex(roots[n]!)).toBe(toHex(MTH(data.slice(0, n))));
  });

  it(`inclusion proofs for every (index, size) up to ${N}`, () => {
    for (let n = 1; n <= N; n++) {
      const D = data.slice(0, n);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, D);
        if (n <= 40) expect(hexes(proof)).toEqual(hexes(PATH(i, D)));
        expect(verifyInclusion(leafHashes[i]!, i, n, proof, roots[n]!)).toBe(true);
      }
    }
  });

  it(`consistency proofs for every (m, n) up to ${N}`, () => {
    for (let n = 1; n <= N; n++) {
      const D = data.slice(0, n);
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, D);
        if (n <= 40) expect(hexes(proof)).toEqual(hexes(PROOF(m, D)));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof)).toBe(true);
      }
    }
  });
});

describe('mutated proofs are rejected', () => {
  const data = Array.from({ length: 23 }, (_, i) => new Uint8Array([i]));
  const leafHashes = data.map(hashLeaf);
  const rootOf = (n: number) => rootFromLeafHashes(leafHashes.slice(0, n));

  function mutations(proof: Uint8Array[]): Uint8Array[][] {
    const out: Uint8Array[][] = [];
    for (let j = 0; j < proof.length; j++) {
      const flipped = proof.map((p) => p.slice());
      const h = flipped[j]!;
      h[j % 32] = h[j % 32]! ^ (1 << (j % 8));
      out.push(flipped);
      out.push(proof.filter((_, x) => x !== j)); // dropped
    }
    out.push([...proof, proof[0] ?? new Uint8Array(32)]); // trailing garbage
    out.push([new Uint8Array(32), ...proof]); // extra in front
    if (proof.length > 1) out.push([...proof].reverse());
    return out;
  }

  it('inclusion: flipped bit, dropped or extra hash, wrong index or size, other root', () => {
    for (let n = 1; n <= 23; n++)
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, data.slice(0, n));
        const root = rootOf(n);
        for (const bad of mutations(proof)) expect(verifyInclusion(leafHashes[i]!, i, n, bad, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(leafHashes[i]!, (i + 1) % n, n, proof, root)).toBe(false);
        // A wrong size is only detectable when it changes the shape of the path.
        if (inclusionProof(i, data.slice(0, n + 1)).length !== proof.length)
          expect(verifyInclusion(leafHashes[i]!, i, n + 1, proof, root)).toBe(false);
        expect(verifyInclusion(leafHashes[i]!, i, n, proof, rootOf(n === 1 ? 2 : n - 1))).toBe(false);
        expect(verifyInclusion(leafHashes[i]!, n, n, proof, root)).toBe(false);
      }
  });

  it('consistency: flipped bit, dropped or extra hash, wrong sizes, swapped roots', () => {
    for (let n = 2; n <= 23; n++)
      for (let m = 1; m < n; m++) {
        const proof = consistencyProof(m, data.slice(0, n));
        for (const bad of mutations(proof)) expect(verifyConsistency(m, n, rootOf(m), rootOf(n), bad)).toBe(false);
        expect(verifyConsistency(m, n, rootOf(n), rootOf(m), proof)).toBe(false);
        if (consistencyProof(m, data.slice(0, n + 1)).length !== proof.length)
          expect(verifyConsistency(m, n + 1, rootOf(m), rootOf(n), proof)).toBe(false);
        if (m > 1) expect(verifyConsistency(m - 1, n, rootOf(m), rootOf(n), proof)).toBe(false);
      }
    expect(verifyConsistency(3, 3, rootOf(3), rootOf(3), [])).toBe(true);
    expect(verifyConsistency(3, 3, rootOf(3), rootOf(3), [rootOf(3)])).toBe(false);
    expect(verifyConsistency(4, 3, rootOf(4), rootOf(3), [])).toBe(false);
  });

  it('a mismatch error carries both roots; bad preconditions are typed', () => {
    const proof = inclusionProof(2, data.slice(0, 5));
    expect(() => assertInclusion(leafHashes[2]!, 2, 5, proof, rootOf(6))).toThrow(new RegExp(toHex(rootOf(6))));
    expect(() => inclusionProof(5, data.slice(0, 5))).toThrow(TraceError);
    expect(() => assertInclusion(leafHashes[2]!, 2, 5, [new Uint8Array(31)], rootOf(5))).toThrow(/32-byte/);
  });
});

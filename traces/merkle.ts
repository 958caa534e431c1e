/**
 * @module traces/merkle
 * RFC 9162 §2.1 Merkle tree: root (MTH), inclusion proofs (PATH) and consistency proofs
 * (PROOF/SUBPROOF), and their verification (§2.1.3.2, §2.1.4.2). Building works on leaf
 * hashes so a tree can be rebuilt from stored hashes alone; the data-taking forms hash first.
 *
 * Sizes and indices are plain numbers, checked to be safe integers; proofs and hashes from
 * outside are attacker-controlled and checked for shape before any hashing.
 */
import { emptyRoot, equalBytes, hashChildren, hashLeaf, HASH_SIZE, toHex } from './hash.ts';
import { TraceError } from './errors.ts';
import * as crypto from 'node:crypto';

/** Largest power of two strictly less than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes [lo, hi). */
function subtreeRoot(hashes: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const n = hi - lo;
  if (n === 0) return emptyRoot();
  if (n === 1) return hashes[lo]!;
  const k = splitPoint(n);
  return hashChildren(subtreeRoot(hashes, lo, lo + k), subtreeRoot(hashes, lo + k, hi));
}

/** 0x01 ‖ left ‖ right in one buffer, hashed in one call (crypto.hash where Node has it: no Hash object per node). */
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE, 1);
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;
function hashChildrenFast(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (!oneShot || left.length !== HASH_SIZE || right.length !== HASH_SIZE) return hashChildren(left, right);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return new Uint8Array(oneShot('sha256', nodeInput, 'buffer'));
}

/** Root of the tree whose leaves have the given leaf hashes (iterative, O(n) hashes). */
export function rootFromLeafHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  // Fold left to right keeping one pending root per complete power-of-two subtree (a compact range).
  const stack: { hash: Uint8Array; size: number }[] = [];
  for (const h of leafHashes) {
    let node = { hash: h, size: 1 };
    while (stack.length > 0 && stack[stack.length - 1]!.size === node.size) {
      const left = stack.pop()!;
      node = { hash: hashChildrenFast(left.hash, node.hash), size: left.size * 2 };
    }
    stack.push(node);
  }
  // Merge the remaining perfect subtrees right to left: exactly RFC 9162's split at powers of two.
  let acc = stack.pop()!.hash;
  while (stack.length > 0) acc = hashChildren(stack.pop()!.hash, acc);
  return acc;
}

/**
 * The first leaf where two trees differ, found by descending from the root: at each node the left
 * subtree is compared first and the search goes into the first one that differs (RFC 9162 splits,
 * so both trees are split alike over their common size). Returns -1 when the trees are equal; when
 * one is a prefix of the other, the first leaf past the shorter one.
 */
export function firstDifferingLeaf(a: readonly Uint8Array[], b: readonly Uint8Array[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0 || equalBytes(subtreeRoot(a, 0, n), subtreeRoot(b, 0, n))) return a.length === b.length ? -1 : n;
  let lo = 0, hi = n;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (!equalBytes(subtreeRoot(a, lo, mid), subtreeRoot(b, lo, mid))) hi = mid;
    else lo = mid;
  }
  return lo;
}

export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  return rootFromLeafHashes(leaves.map(hashLeaf));
}

function checkIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new TraceError('BAD_SIZE', `tree size ${size} is not a non-negative integer`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new TraceError('BAD_INDEX', `leaf index ${index} is outside a tree of size ${size} (requires 0 <= index < size)`);
}

/** PATH(m, D[n]) over leaf hashes. Requires 0 <= index < size. */
export function inclusionProofFromLeafHashes(index: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  checkIndex(index, leafHashes.length);
  const proof: Uint8Array[] = [];
  let lo = 0;
  let hi = leafHashes.length;
  let m = index;
  const siblings: Uint8Array[] = [];
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (m < k) {
      siblings.push(subtreeRoot(leafHashes, lo + k, hi));
      hi = lo + k;
    } else {
      siblings.push(subtreeRoot(leafHashes, lo, lo + k));
      lo = lo + k;
      m -= k;
    }
  }
  // PATH lists siblings from the leaf upwards.
  for (let i = siblings.length - 1; i >= 0; i--) proof.push(siblings[i]!);
  return proof;
}

export function inclusionProof(index: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return inclusionProofFromLeafHashes(index, leaves.map(hashLeaf));
}

/** PROOF(m, D[n]) over leaf hashes. Requires 0 <= m <= n. */
export function consistencyProofFromLeafHashes(m: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  const n = leafHashes.length;
  if (!Number.isSafeInteger(m) || m < 0 || m > n)
    throw new TraceError('BAD_SIZE', `consistency from size ${m} to ${n} (requires 0 <= m <= n)`);
  if (m === 0 || m === n) return [];
  const out: Uint8Array[] = [];
  const sub = (mm: number, lo: number, hi: number, complete: boolean): void => {
    const nn = hi - lo;
    if (mm === nn) {
      if (!complete) out.push(subtreeRoot(leafHashes, lo, hi));
      return;
    }
    const k = splitPoint(nn);
    if (mm <= k) {
      sub(mm, lo, lo + k, complete);
      out.push(subtreeRoot(leafHashes, lo + k, hi));
    } else {
      sub(mm - k, lo + k, hi, false);
      out.push(subtreeRoot(leafHashes, lo, lo + k));
    }
  };
  sub(m, 0, n, true);
  return out;
}

export function consistencyProof(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return consistencyProofFromLeafHashes(m, leaves.map(hashLeaf));
}

function checkHashes(what: string, hashes: readonly Uint8Array[]): void {
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE)
      throw new TraceError('BAD_HASH', `${what}[${i}] is not a ${HASH_SIZE}-byte hash`);
  }
}

/**
 * RFC 9162 §2.1.3.2: the root implied by `leafHash` at `index` in a tree of `size` with `proof`.
 * Requires 0 <= index < size. Throws BAD_PROOF when the proof has the wrong length.
 */
export function rootFromInclusionProof(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Uint8Array {
  checkIndex(index, size);
  checkHashes('leafHash', [leafHash]);
  checkHashes('proof', proof);
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new TraceError('BAD_PROOF', `inclusion proof has ${proof.length} hashes, too many for index ${index} in size ${size}`);
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new TraceError('BAD_PROOF', `inclusion proof has ${proof.length} hashes, too few for index ${index} in size ${size}`);
  return r;
}

/** True iff `proof` shows `leafHash` at `index` in the tree of `size` leaves with `root`. */
export function verifyInclusion(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  try {
    return equalBytes(rootFromInclusionProof(leafHash, index, size, proof), root);
  } catch (e) {
    if (e instanceof TraceError) return false;
    throw e;
  }
}

/** Like verifyInclusion, but throws a TraceError that carries both roots on mismatch. */
export function assertInclusion(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  if (!equalBytes(computed, root))
    throw new TraceError('ROOT_MISMATCH', `inclusion proof gives root ${toHex(computed)}, expected ${toHex(root)}`);
}

/**
 * RFC 9162 §2.1.4.2: true iff `proof` shows the tree of size m with rootM is a prefix of the
 * tree of size n with rootN. Requires 0 <= m <= n.
 */
export function verifyConsistency(m: number, n: number, rootM: Uint8Array, rootN: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) return false;
  if (!(rootM instanceof Uint8Array) || !(rootN instanceof Uint8Array)) return false;
  if (rootM.length !== HASH_SIZE || rootN.length !== HASH_SIZE) return false;
  if (!proof.every((p) => p instanceof Uint8Array && p.length === HASH_SIZE)) return false;
  if (m === 0) return proof.length === 0 && (n > 0 || equalBytes(rootN, emptyRoot()));
  if (m === n) return proof.length === 0 && equalBytes(rootM, rootN);
  if (proof.length === 0) return false;
  const path = [...proof];
  // A first tree that is a complete power-of-two subtree is its own first proof node.
  if (isPowerOfTwo(m)) path.unshift(rootM);
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, rootM) && equalBytes(sr, rootN);
}

function isPowerOfTwo(x: number): boolean {
  while (x > 1) {
    if (x % 2 !== 0) return false;
    x /= 2;
  }
  return x === 1;
}

/**
 * @module tlog/range
 * Compact ranges (as in transparency-dev/merkle's `compact` package): the roots of the perfect
 * subtrees that make up an RFC 9162 tree of size n, left to right, one per set bit of n. They are
 * all an append needs: the new leaf is merged in with at most log2(n) hashes, and the root is
 * their right-to-left fold. So an append costs O(log n), not a re-hash of every entry.
 */
import { emptyRoot, hashChildren } from '../../traces/index.ts';

/** The number of hashes in the compact range of a tree of `size` leaves (its set bits). */
export function rangeLength(size: number): number {
  let count = 0;
  for (let s = size; s > 0; s = Math.floor(s / 2)) count += s % 2;
  return count;
}

/** The compact range of the tree of `leafHashes`. */
export function rangeOfLeaves(leafHashes: Uint8Array[]): Uint8Array[] {
  let range: Uint8Array[] = [];
  for (let i = 0; i < leafHashes.length; i++) range = appendToRange(range, i, leafHashes[i]!);
  return range;
}

/** The compact range of size + 1, from that of `size` and the new leaf hash. Does not change `range`. */
export function appendToRange(range: Uint8Array[], size: number, leafHash: Uint8Array): Uint8Array[] {
  const out = [...range, leafHash];
  // Each trailing set bit of `size` is a perfect subtree as large as the one just completed: merge them.
  for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) {
    const right = out.pop()!;
    const left = out.pop()!;
    out.push(hashChildren(left, right));
  }
  return out;
}

/** RFC 9162 MTH of the tree whose compact range this is: H(r0, H(r1, … H(rk-1, rk))). */
export function rootOfRange(range: Uint8Array[]): Uint8Array {
  if (range.length === 0) return emptyRoot();
  let root = range[range.length - 1]!;
  for (let i = range.length - 2; i >= 0; i--) root = hashChildren(range[i]!, root);
  return root;
}

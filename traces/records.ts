/**
 * @module traces/records
 * The trace stream's host records, in one place: their kinds, sizes and byte layout, written by the
 * runtime (host/sandbox: snapshots, stops, keyframes, the keyframe table, the end record) and read
 * by the expanders (expand.ts, expand-v5.ts), proofs and divergence (host/inspect). Every word is a
 * u32, little-endian. A host record starts with the word 0, which no region id or entry word is
 * (docs/TRACE.md, "Host records"):
 *
 * | kind | record | words | formats |
 * |---|---|---|---|
 * | 1 | state snapshot: [0, 1, bar, 0, SHA-256 as 8 words] | 12 | all |
 * | 2 | stop: [0, 2, ran, cause], then the region's id and the address words its first `ran` instructions computed | 4 | 4 |
 * | 3 | end: [0, 3, instructions lo, hi, cause] (cause 0: the run was not stopped inside a region) | 5 | 5, 6, 8 |
 * | 4 | keyframe: [0, 4, instructions lo, hi, bitmap of marked predictor slots (⌈slots/32⌉ words), each marked slot's words] | 4 + ⌈slots/32⌉ + words·marked | 6, 8 |
 * | 5 | keyframe table: [0, 5, k, (stream word lo, hi) × k, k], just before the end record | 4 + 2k | 6, 8 |
 *
 * A stop's (and an end record's) cause: 1 a trap, 2 a bulk operation's size charge that did not fit.
 */

export const HOST_SNAPSHOT = 1;
export const HOST_STOP = 2;
export const HOST_END = 3;
export const HOST_KEYFRAME = 4;
export const HOST_KEYFRAME_TABLE = 5;

/** Why a run stopped inside a region (the last word of a stop or end record; 0 in an end record: it did not). */
export const STOP_TRAP = 1;
export const STOP_FUEL = 2;

/** Words of a snapshot record, its leading 0 included. */
export const SNAPSHOT_WORDS = 12;
/** Words of a format 4 stop record (the region's id and words follow it). */
export const STOP_WORDS = 4;
/** Words of the end record that closes a format 5, 6 or 8 stream. */
export const END_WORDS = 5;

/** Words of a keyframe table of `k` keyframes. */
export function keyframeTableWords(k: number): number {
  return 4 + 2 * k;
}

function littleEndian(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(4 * i, words[i]!, true);
  return bytes;
}

/** [0, 1, bar, 0, hash]: the 32-byte state hash after bar `bar`. */
export function snapshotRecord(bar: number, hash: Uint8Array): Uint8Array {
  const record = new Uint8Array(4 * SNAPSHOT_WORDS);
  const view = new DataView(record.buffer);
  view.setUint32(4, HOST_SNAPSHOT, true);
  view.setUint32(8, bar, true);
  record.set(hash, 16);
  return record;
}

/** [0, 2, ran, cause]. */
export function stopRecord(ran: number, cause: number): Uint8Array {
  const record = new Uint8Array(4 * STOP_WORDS);
  const view = new DataView(record.buffer);
  view.setUint32(4, HOST_STOP, true);
  view.setUint32(8, ran, true);
  view.setUint32(12, cause, true);
  return record;
}

/** [0, 3, instructions (u64, low word first), cause]. */
export function endRecord(instructions: bigint, cause: number): Uint8Array {
  const record = new Uint8Array(4 * END_WORDS);
  const view = new DataView(record.buffer);
  view.setUint32(4, HOST_END, true);
  view.setBigUint64(8, instructions, true);
  view.setUint32(16, cause, true);
  return record;
}

/**
 * [0, 4, instructions lo, hi, then a bitmap of the predictor slots whose words are not all 0 —
 * ⌈slots / 32⌉ words, slot i at bit i % 32 of word ⌊i / 32⌋ — then the words of each of those slots,
 * in slot order]. `predictors` holds `perSlot` words a slot: (last, stride) in format 6, (last,
 * stride, the stride before it) in format 8.
 */
export function keyframeRecord(instructions: bigint, predictors: Uint32Array, perSlot = 2): Uint8Array {
  const slots = predictors.length / perSlot;
  const mapWords = Math.ceil(slots / 32);
  const marked = (slot: number): boolean => {
    for (let j = 0; j < perSlot; j++) if (predictors[perSlot * slot + j] !== 0) return true;
    return false;
  };
  let m = 0;
  for (let slot = 0; slot < slots; slot++) if (marked(slot)) m++;
  const words = new Uint32Array(4 + mapWords + perSlot * m);
  words[1] = HOST_KEYFRAME;
  words[2] = Number(instructions & 0xffffffffn);
  words[3] = Number(instructions >> 32n);
  let at = 4 + mapWords;
  for (let slot = 0; slot < slots; slot++) {
    if (!marked(slot)) continue;
    words[4 + (slot >>> 5)] = words[4 + (slot >>> 5)]! | (1 << (slot & 31));
    for (let j = 0; j < perSlot; j++) words[at++] = predictors[perSlot * slot + j]!;
  }
  return littleEndian(words);
}

/** [0, 5, k, (stream word lo, hi) per keyframe, k]. */
export function keyframeTable(positions: readonly number[]): Uint8Array {
  const k = positions.length;
  const words = new Uint32Array(keyframeTableWords(k));
  words[1] = HOST_KEYFRAME_TABLE;
  words[2] = k;
  for (let i = 0; i < k; i++) {
    words[3 + 2 * i] = positions[i]! % 2 ** 32;
    words[4 + 2 * i] = Math.floor(positions[i]! / 2 ** 32);
  }
  words[3 + 2 * k] = k;
  return littleEndian(words);
}

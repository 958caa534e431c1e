// Trace formats 6 and 8's keyframes (docs/TRACE.md, "Format 6", "Format 8"): once the host has taken a flush threshold
// of stream (by flushes, snapshots or both) it writes the instruction count and the address
// predictors' state before the next call into the guest, and the
// stream ends with a table of their words. An expansion from the start checks every keyframe against
// its own state and the table against the keyframes it read; an expansion may also start at a
// keyframe, and then shows exactly what the expansion from the start shows from there. A forged
// keyframe or table is BAD_TRACE. Format 8 (version 8's period-2 predictor) lists three words a
// predictor slot, format 6 two; its stream is smaller, so it flushes every 4 KiB here, format 6 every 16 KiB.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { compileGuest, DEFAULT_FLUSH_THRESHOLD, INSTRUMENTER_V6, INSTRUMENTER_V8, type SandboxConfig } from '../../host/sandbox/index.ts';
import { loadData, loadStrategy, DEFAULT_CONFIG } from '../../host/index.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { wire } from '../../host/run/wire.ts';
import { TraceExpander, type StaticMap } from '../../traces/index.ts';

interface Run { stream: Uint8Array; map: StaticMap; instructions: bigint; slots: number }

/** sma-cross on the ORCL file under `instrumenter`, flushing every `flushThreshold` bytes (and a state snapshot every `snapshotEvery` bars); the whole stream. */
async function run(instrumenter: string, flushThreshold: number, snapshotEvery = 0): Promise<Run> {
  const data = await loadData('test/data/orcl-1995-2014.txt');
  const { wasm } = await loadStrategy('strategies-as/sma-cross.ts');
  const config = { ...DEFAULT_CONFIG, commission: 0.001, snapshotEvery };
  const pieces: Uint8Array[] = [];
  const sandbox: SandboxConfig = { ...sandboxConfigFor(config), hashing: 'inline', instrumenter, flushThreshold, onTrace: (b) => void pieces.push(b.slice()) };
  const guest = compileGuest(wasm, sandbox);
  const { backtest, instance, port, map } = wire({ wasm, guest, sandbox, feeds: [data], config });
  instance.init();
  backtest.run(port);
  const { instructions } = instance.finish();
  return { stream: new Uint8Array(Buffer.concat(pieces)), map: map!, instructions, slots: guest.meta!.predictorSlots };
}

/** Expands `stream` (from the start, or from a keyframe) to its end: a hash of the records from index `from`, their count, the keyframes read. */
function expand(stream: Uint8Array, map: StaticMap, from = 0, keyframe?: { word: number; index: number }) {
  const h = createHash('sha256');
  let n = 0;
  const ex = new TraceExpander(map, (r) => {
    n++;
    h.update(`${r.index} ${r.func} ${r.offset} ${r.opcode} ${r.stackHeight} ${r.address};`);
  }, from, Number.MAX_SAFE_INTEGER, keyframe ? { keyframe } : {});
  ex.push(keyframe ? stream.subarray(4 * keyframe.word) : stream);
  ex.end();
  return { digest: h.digest('hex'), records: n, count: ex.count, keyframes: ex.keyframes, complete: ex.complete };
}

const word = (s: Uint8Array, w: number): number => new DataView(s.buffer, s.byteOffset).getUint32(4 * w, true);
/** The length in words of the keyframe record at word `w`: 4, the bitmap, `perSlot` words per slot it marks. */
const keyframeWords = (s: Uint8Array, w: number, slots: number, perSlot: number): number => {
  const mapWords = Math.ceil(slots / 32);
  let marked = 0;
  for (let i = 0; i < mapWords; i++) for (let b = word(s, w + 4 + i); b !== 0; b &= b - 1) marked++;
  return 4 + mapWords + perSlot * marked;
};
const withWord = (s: Uint8Array, w: number, value: number): Uint8Array => {
  const t = s.slice();
  new DataView(t.buffer).setUint32(4 * w, value, true);
  return t;
};

for (const [format, instrumenter, perSlot, threshold] of [[6, INSTRUMENTER_V6, 2, 16 << 10], [8, INSTRUMENTER_V8, 3, 4 << 10]] as const) describe(`format ${format} keyframes`, () => {
  let small: Run;
  let full: ReturnType<typeof expand>;
  beforeAll(async () => {
    small = await run(instrumenter, threshold);
    full = expand(small.stream, small.map);
  }, 60_000);

  it('come after flushes, each holding the count and predictors the expansion has there; the table lists them', () => {
    expect(full.complete).toBe(true);
    expect(full.count).toBe(Number(small.instructions));
    // Flushes every 16 KiB (format 6; its stream is ~430 KB) or 4 KiB (format 8; ~100 KB): one keyframe after each, before the next bar.
    expect(full.keyframes.length).toBeGreaterThan(20);
    // Each is 4 words, the bitmap and `perSlot` words a marked slot, and comes right before the next entry word.
    for (const k of full.keyframes) expect(word(small.stream, k.word + keyframeWords(small.stream, k.word, small.slots, perSlot))).toBeGreaterThan(0);
    for (const k of full.keyframes) expect([word(small.stream, k.word), word(small.stream, k.word + 1), word(small.stream, k.word + 2)]).toEqual([0, 4, k.count]);
    const counts = full.keyframes.map((k) => k.count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // The table, before the 5-word end record: [0, 5, k, (lo, hi) × k, k].
    const w = small.stream.length / 4, k = full.keyframes.length;
    expect(word(small.stream, w - 6)).toBe(k);
    expect([0, 1, 2].map((i) => word(small.stream, w - 5 - 4 - 2 * k + i))).toEqual([0, 5, k]);
    expect(Array.from({ length: k }, (_, i) => word(small.stream, w - 6 - 2 * k + 2 * i))).toEqual(full.keyframes.map((f) => f.word));
    // The predictor bitmap marks slots of the module only; most keyframes carry most of them.
    const bitmap = word(small.stream, full.keyframes.at(-1)!.word + 4);
    expect(bitmap).not.toBe(0);
    expect(small.slots).toBeGreaterThan(32);
  });

  it('an expansion from any keyframe shows exactly what the expansion from the start shows from there', () => {
    const picks = [0, Math.floor(full.keyframes.length / 2), full.keyframes.length - 1];
    for (const index of picks) {
      const k = full.keyframes[index]!;
      const fromStart = expand(small.stream, small.map, k.count);
      const fromKeyframe = expand(small.stream, small.map, k.count, { word: k.word, index });
      expect(fromKeyframe, `keyframe ${index}`).toEqual({ ...fromStart, keyframes: full.keyframes.slice(index) });
      expect(fromKeyframe.records, `keyframe ${index}`).toBe(Number(small.instructions) - k.count);
    }
  });

  it('a forged keyframe or keyframe table is BAD_TRACE', () => {
    const k = full.keyframes[3]!;
    const bad = (stream: Uint8Array, message: RegExp, keyframe?: { word: number; index: number }) =>
      expect(() => expand(stream, small.map, Number.MAX_SAFE_INTEGER, keyframe)).toThrow(expect.objectContaining({ code: 'BAD_TRACE', message: expect.stringMatching(message) }));
    // Its count, one of its predictor slots, a bitmap bit taken away.
    bad(withWord(small.stream, k.word + 2, k.count + 1), new RegExp(`keyframe at word ${k.word} says ${k.count + 1} instructions ran; the trace shows ${k.count}`));
    const mapWords = Math.ceil(small.slots / 32);
    const bits = word(small.stream, k.word + 4);
    const firstSlot = 31 - Math.clz32(bits & -bits); // the lowest slot it lists
    bad(withWord(small.stream, k.word + 4 + mapWords, word(small.stream, k.word + 4 + mapWords) + 8), new RegExp(`keyframe at word ${k.word}: predictor slot ${firstSlot} is \\(`));
    bad(withWord(small.stream, k.word + 4, bits & ~(1 << firstSlot)), new RegExp(`keyframe at word ${k.word}: predictor slot ${firstSlot} is \\(0, 0${perSlot === 3 ? ', 0' : ''}\\)`));
    // Format 8: the stride before the last one, the third word of a slot.
    if (perSlot === 3) bad(withWord(small.stream, k.word + 4 + mapWords + 2, word(small.stream, k.word + 4 + mapWords + 2) + 8), new RegExp(`keyframe at word ${k.word}: predictor slot ${firstSlot} is \\(\\d+, \\d+, \\d+\\); the trace gives`));
    // A bitmap that marks a slot past the module's.
    if (small.slots % 32 !== 0) bad(withWord(small.stream, k.word + 4 + mapWords - 1, word(small.stream, k.word + 4 + mapWords - 1) | (1 << 31)), /marks predictor slots past the module's/);
    // The table listing another word.
    const w = small.stream.length / 4, n = full.keyframes.length;
    bad(withWord(small.stream, w - 6 - 2 * n + 2 * 3, k.word + 1), /the keyframe table lists words/);
    bad(withWord(small.stream, w - 6, n + 1), /no keyframe table/);
    // An expansion started at a word that is not a keyframe, or with the wrong place in the table.
    bad(small.stream, /does not start with one/, { word: k.word + 1, index: 3 });
    bad(small.stream, /the keyframe table lists words/, { word: k.word, index: 4 });
    // A keyframe record in a format 4 or 5 stream is no keyframe: only format 6 reads them.
    expect(() => new TraceExpander({ ...small.map, format: 5 }, () => {}, 0, 1, { keyframe: { word: k.word, index: 3 } })).toThrow(/only a format 6 or 8 trace/);
  });

  it('a run whose snapshots empty the trace memory before any flush still has one per threshold of stream', async () => {
    // A snapshot every 10 bars takes ~1 KB (format 8: ~0.3 KB) each time: the guest's flush never comes.
    const r = await run(instrumenter, threshold, 10);
    const e = expand(r.stream, r.map);
    expect([e.complete, e.count]).toEqual([true, Number(r.instructions)]);
    // Each after at least 16 KiB of stream since the last (the keyframe record not counted), and at
    // most one snapshot's worth more; none missed: what follows the last is under that too.
    expect(e.keyframes.length).toBeGreaterThan(20);
    const starts = e.keyframes.map((k) => k.word);
    const ends = [0, ...starts.map((w) => w + keyframeWords(r.stream, w, r.slots, perSlot))];
    for (let i = 0; i < starts.length; i++) {
      const since = 4 * (starts[i]! - ends[i]!);
      expect(since, `keyframe ${i}`).toBeGreaterThanOrEqual(threshold);
      expect(since, `keyframe ${i}`).toBeLessThan(threshold + 2048);
    }
    expect(r.stream.length - 4 * ends.at(-1)!).toBeLessThan(threshold + 2048);
    // Each comes right after a snapshot record [0, 1, bar, 0, hash×8], the one that took the stream past the threshold.
    for (const w of starts) expect([word(r.stream, w - 12), word(r.stream, w - 11), word(r.stream, w - 10) % 10]).toEqual([0, 1, 9]);
    // An expansion from the last keyframe shows what the expansion from the start shows from there.
    const index = e.keyframes.length - 1, k = e.keyframes[index]!;
    expect(expand(r.stream, r.map, k.count, { word: k.word, index })).toEqual({ ...expand(r.stream, r.map, k.count), keyframes: [k] });
  }, 60_000);

  it('with the default 1 MiB flushes a short run has none: the table is [0, 5, 0, 0]', async () => {
    const r = await run(instrumenter, DEFAULT_FLUSH_THRESHOLD);
    const e = expand(r.stream, r.map);
    expect([e.keyframes.length, e.count]).toEqual([0, Number(r.instructions)]);
    const w = r.stream.length / 4;
    expect([0, 1, 2, 3].map((i) => word(r.stream, w - 9 + i))).toEqual([0, 5, 0, 0]);
  }, 60_000);
});

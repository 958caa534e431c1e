// The glue (sandbox/glue): every glue of a thread shares one scratch page (no wasm memory made and
// unmapped per run), and each still delivers its own guest's events and charges its own fuel.
import { describe, expect, it } from 'vitest';
import { glueFor } from '../../host/sandbox/glue.ts';

describe('glue', () => {
  it('shares one scratch page per thread; each instance calls its own callbacks with the values written', () => {
    const seen: [string, number, number, number, number][] = [];
    const a = glueFor(null, null, ((s: number, t: number, p: number, q: number) => seen.push(['a', s, t, p, q])) as never, undefined);
    const b = glueFor(null, null, ((s: number, t: number, p: number, q: number) => seen.push(['b', s, t, p, q])) as never, ((w: number, x: number, y: number, z: number) => seen.push(['b-trade', w, x, y, z])) as never);
    expect(b.words.buffer).toBe(a.words.buffer);
    expect(a.words.buffer.byteLength).toBe(65536);
    a.words[0] = 7; a.words[1] = -3; a.values[1] = 1.5; a.values[2] = -2.25;
    a.order();
    b.words[0] = 9; b.words[1] = 4; b.values[1] = 0.125; b.values[2] = 1e300;
    b.order();
    b.values[1] = 1; b.values[2] = 2; b.values[3] = 3; b.values[4] = 4;
    b.trade();
    expect(seen).toEqual([['a', 7, -3, 1.5, -2.25], ['b', 9, 4, 0.125, 1e300], ['b-trade', 1, 2, 3, 4]]);
    expect(() => a.trade()).toThrow('the guest does not export this callback');
  });

  it('charges each instance\'s own fuel', () => {
    const fuel = (v: bigint) => new WebAssembly.Global({ value: 'i64', mutable: true }, v);
    const fa = fuel(10n), ba = fuel(0n), fb = fuel(100n), bb = fuel(0n);
    const a = glueFor(fa, ba, undefined, undefined);
    const b = glueFor(fb, bb, undefined, undefined);
    expect(a.charge(4)).toBe(1);
    expect(b.charge(60)).toBe(1);
    expect(a.charge(7)).toBe(0); // 6 left: nothing taken
    expect([fa.value, ba.value, fb.value, bb.value]).toEqual([6n, 4n, 40n, 60n]);
  });
});

// Conformance: original and instrumented modules compute the same results, trap at the same
// points and leave the same memory; fuel equals the instructions the slow path counts; the expanded
// trace equals the slow path's record. Over generated modules and the example strategies built with
// asc at -O0 and -O3 under each runtime.
import { describe, expect, it } from 'vitest';
import { wat } from '../helpers/wat.ts';
import { metered, original } from '../helpers/guest.ts';
import { slowPath, slowRecords } from '../helpers/slowpath.ts';
import { generateModule } from '../helpers/generate.ts';
import { staticMap, compileGuest, GuestInstance, DEFAULT_SANDBOX } from '../../host/sandbox/index.ts';
import { stubHost } from '../helpers/host.ts';
import { expandTrace, type StaticMap } from '../../traces/index.ts';
import { buildStrategy } from '../../host/build/asc.ts';
import { loadData } from '../../host/index.ts';

function slowSequence(words: number[], map: StaticMap): string[] {
  const memOffset = new Map<number, number>();
  for (let i = 0; i < map.offset.length; i++) memOffset.set(map.offset[i]!, map.memOffset[i]!);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const mo = memOffset.get(words[i]!)!;
    out.push(mo >= 0 ? `${words[i]}@${words[++i]! + mo}` : `${words[i]}`);
  }
  return out;
}

type Outcome = { value?: number; trap?: string };
function call(fn: () => number): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return { trap: e.message };
    throw e;
  }
}

describe('generated modules', () => {
  const SEEDS = 150;
  it(`${SEEDS} random modules: same results, traps and memory; fuel and trace match the slow path`, () => {
    let traps = 0;
    let instructions = 0n;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const bytes = wat(generateModule(seed));
      const a = original(bytes);
      const m = metered(bytes);
      const slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(bytes) as BufferSource)).exports;
      const map = staticMap(bytes, m.meta);
      for (const [x, y] of [[seed, 3], [-seed * 7, 11], [0, 0], [seed * 1000, -2]] as const) {
        const before = m.traceBytes().length;
        const slowBefore = slowRecords(slow).length;
        const fuelBefore = m.used();
        const oa = call(() => (a.run as Function)(x, y));
        const om = call(() => (m.exports.run as Function)(x, y));
        const os = call(() => (slow.run as Function)(x, y));
        expect(om, `seed ${seed} (${x}, ${y})`).toEqual(oa);
        expect(os, `seed ${seed} slow path`).toEqual(oa);
        const memA = new Uint8Array((a.memory as WebAssembly.Memory).buffer);
        const memM = new Uint8Array((m.exports.memory as WebAssembly.Memory).buffer);
        expect(Buffer.compare(memA, memM), `seed ${seed} memory`).toBe(0);
        if (oa.trap) {
          traps++;
          break; // a trapped instance's trace ends inside a region; start the next seed
        }
        const slowSeq = slowSequence(slowRecords(slow).slice(slowBefore), map);
        const fast = expandTrace(m.traceBytes().subarray(before), map).map((r) => (r.address === null ? `${r.offset}` : `${r.offset}@${r.address}`));
        expect(fast, `seed ${seed} trace`).toEqual(slowSeq);
        const bulk = (m.exports.__bp_bulk as WebAssembly.Global).value as bigint;
        expect(m.used() - fuelBefore - bulk, `seed ${seed} fuel`).toBe(BigInt(slowSeq.length));
        instructions += BigInt(slowSeq.length);
        (m.exports.__bp_bulk as WebAssembly.Global).value = 0n;
      }
    }
    expect(traps).toBeGreaterThan(3); // the corpus does exercise traps
    expect(instructions).toBeGreaterThan(20_000n);
  });
});

describe('example strategies under each asc configuration', () => {
  const configs = ['-O0', '-O3'].flatMap((o) => ['stub', 'minimal', 'incremental'].map((rt) => [o, rt] as const));
  for (const entry of ['strategies-as/sma-cross.ts', 'strategies-as/ema-cross.ts']) {
    it(`${entry} at ${configs.map((c) => c.join('/')).join(', ')}`, async () => {
      const bars = (await loadData('data/GOOG.csv')).bars;
      for (const [opt, runtime] of configs) {
        const built = await buildStrategy(entry, ['--runtime', runtime, opt === '-O0' ? '-O0' : '-O3', '--exportStart', 'init', '--debug', '--noColors']);
        const orders: Record<string, number[]> = { none: [], trace: [] };
        const memories: Record<string, Uint8Array> = {};
        const counts: Record<string, bigint> = {};
        let map: StaticMap | null = null;
        const pieces: Uint8Array[] = [];
        for (const mode of ['none', 'trace'] as const) {
          const config = { ...DEFAULT_SANDBOX, mode, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
          const guest = compileGuest(built.wasm, config);
          let position = 0;
          const host = stubHost({
            position: () => position,
            order: (k, s) => { orders[mode]!.push(k, s); position = k === 1 ? 1 : k === 2 ? -1 : 0; },
          });
          const inst = new GuestInstance(guest, host, config);
          inst.init();
          for (let i = 0; i < 300; i++) inst.onBar(bars.time[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.volume[i]!);
          counts[mode] = inst.finish().instructions;
          memories[mode] = inst.memoryBytes();
          if (mode === 'trace') map = staticMap(built.wasm, guest.meta!);
        }
        const label = `${entry} ${opt} ${runtime}`;
        expect(orders.trace, label).toEqual(orders.none);
        expect(orders.none!.length, label).toBeGreaterThan(4);
        expect(Buffer.compare(memories.none!, memories.trace!), `${label} memory`).toBe(0);
        // The slow path counts the same instructions the fuel charged.
        let position = 0;
        const slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(built.wasm) as BufferSource), {
          backproof: { position: () => position, cash: () => 1e4, equity: () => 1e4, order: (k: number) => { position = k === 1 ? 1 : k === 2 ? -1 : 0; }, param: (_p: number, _l: number, f: number) => f, log: () => {}, symbol: () => 0, symbols: () => 1, position_of: () => 0, order_on: () => {}, submit: () => -1, bracket: () => -1, cancel: () => 0, modify: () => 0 },
          env: { abort: () => { throw new Error('abort'); }, seed: () => 0 },
        }).exports;
        (slow.init as Function)();
        for (let i = 0; i < 300; i++) (slow.on_bar as Function)(bars.time[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.volume[i]!);
        const slowSeq = slowSequence(slowRecords(slow), map!);
        expect(counts.trace, `${label} fuel`).toBe(BigInt(slowSeq.length));
        const fast = expandTrace(new Uint8Array(Buffer.concat(pieces)), map!).map((r) => (r.address === null ? `${r.offset}` : `${r.offset}@${r.address}`));
        expect(fast.length, `${label} trace length`).toBe(slowSeq.length);
        expect(fast.join(' ') === slowSeq.join(' '), `${label} trace`).toBe(true);
      }
    });
  }
});

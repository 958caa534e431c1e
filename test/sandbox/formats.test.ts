// Trace formats 4, 5, 6 and 8 describe the same execution: every example strategy, run by the engine
// on real data, and every generated conformance module expand — instruction by instruction — to the
// same (function, byte offset, opcode, stack height, address) under all four, with the same count,
// fuel, result and stop; format 5's stream is far smaller, format 6's is format 5's plus its
// keyframes and their table, and format 8's (version 8's period-2 address predictor) is format
// 6's with fewer address words (docs/TRACE.md, "Trace records", "Format 6", "Format 8").
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { compileGuest, staticMap, GuestInstance, DEFAULT_SANDBOX, INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, type SandboxConfig } from '../../host/sandbox/index.ts';
import { loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData } from '../../host/index.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { wire } from '../../host/run/wire.ts';
import { TraceExpander, type InstructionRecord } from '../../traces/index.ts';
import { generatedStrategyWat } from '../helpers/generate.ts';
import { stubHost } from '../helpers/host.ts';
import { wat } from '../helpers/wat.ts';

/** Every record, hashed in order, and the first `keep` records in full. */
class Expansion {
  readonly hash = createHash('sha256');
  readonly kept: number[] = [];
  count = 0;
  private readonly cell = new DataView(new ArrayBuffer(24));
  private readonly keep: number;
  constructor(keep: number) {
    this.keep = keep;
  }
  add(r: InstructionRecord): void {
    const c = this.cell;
    c.setUint32(0, r.func, true);
    c.setUint32(4, r.offset, true);
    c.setUint32(8, r.opcode, true);
    c.setUint32(12, r.stackHeight, true);
    c.setFloat64(16, r.address ?? -1, true);
    this.hash.update(new Uint8Array(c.buffer));
    if (this.count++ < this.keep) this.kept.push(r.func, r.offset, r.opcode, r.stackHeight, r.address ?? -1);
  }
}

interface Outcome {
  expansion: Expansion;
  digest: string;
  bytes: number;
  instructions: bigint;
  fuelUsed: bigint;
  complete: boolean;
  equity: number;
}

/** One engine run (run/wire, as backtest and every re-execution make it) under `instrumenter`, its trace expanded as it is flushed. */
function engineRun(wasm: Uint8Array, feeds: LoadedData[], instrumenter: string, keep: number): Outcome {
  const config = { ...DEFAULT_CONFIG, commission: 0.001 };
  let ex!: TraceExpander;
  let bytes = 0;
  const sandbox: SandboxConfig = { ...sandboxConfigFor(config), hashing: 'inline', instrumenter, onTrace: (b) => { bytes += b.length; ex.push(b); } };
  const guest = compileGuest(wasm, sandbox);
  const expansion = new Expansion(keep);
  const { backtest, instance, port, map } = wire({ wasm, guest, sandbox, feeds, config });
  ex = new TraceExpander(map!, (r) => expansion.add(r));
  instance.init();
  const result = backtest.run(port);
  const stats = instance.finish();
  ex.end();
  expect(BigInt(ex.count)).toBe(stats.instructions);
  return { expansion, digest: expansion.hash.digest('hex'), bytes, instructions: stats.instructions, fuelUsed: stats.fuelUsed, complete: ex.complete, equity: result.stats.equityFinal };
}

function expectSame(v4: Outcome, v5: Outcome, label: string): void {
  expect(v5.instructions, label).toBe(v4.instructions);
  expect(v5.fuelUsed, label).toBe(v4.fuelUsed);
  expect(v5.equity, label).toBe(v4.equity);
  expect([v4.complete, v5.complete], label).toEqual([true, true]);
  // The first records one by one (so a difference names its instruction), then all of them by hash.
  const a = v4.expansion.kept, b = v5.expansion.kept;
  expect(b.length, label).toBe(a.length);
  for (let i = 0; i < a.length; i += 5) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3] || a[i + 4] !== b[i + 4])
    expect([i / 5, ...b.slice(i, i + 5)], label).toEqual([i / 5, ...a.slice(i, i + 5)]);
  expect(v5.digest, label).toBe(v4.digest);
}

/** Each example's stream bytes on the ORCL file (pairs: and GOOG) under formats 6 and 8. */
const STREAM_BYTES: Record<string, [number, number]> = {
  'sma-cross': [401_464, 88_532], 'sma-cross-unit': [401_532, 88_600], 'ema-cross': [191_960, 71_096], 'rsi-reversion': [269_016, 188_476],
  'bollinger-breakout': [72_024, 72_232], 'donchian-turtle': [885_116, 601_996], pairs: [169_276, 168_932],
};

describe('formats 4, 5, 6 and 8 expand to the same instructions', () => {
  const KEEP = 200_000;
  for (const name of ['sma-cross', 'sma-cross-unit', 'ema-cross', 'rsi-reversion', 'bollinger-breakout', 'donchian-turtle', 'pairs']) {
    it(`${name} on real data, run by the engine`, async () => {
      const orcl = await loadData('test/data/orcl-1995-2014.txt');
      const feeds = name === 'pairs' ? [orcl, await loadData('data/GOOG.csv')] : [orcl];
      const { wasm } = await loadStrategy(`strategies-as/${name}.ts`);
      const v4 = engineRun(wasm, feeds, INSTRUMENTER_V4, KEEP);
      const v5 = engineRun(wasm, feeds, INSTRUMENTER_V5, KEEP);
      const v6 = engineRun(wasm, feeds, INSTRUMENTER_V6, KEEP);
      const v8 = engineRun(wasm, feeds, INSTRUMENTER_V8, KEEP);
      expect(v4.instructions > 1_000_000n, name).toBe(true);
      expectSame(v4, v5, name);
      expectSame(v4, v6, name);
      expectSame(v4, v8, name);
      // Format 8: no example's stream grows by more than 1 % (bollinger-breakout's +0.3 % is the most),
      // and most shrink (sma-cross to 22 % of format 6's: its two averages read through one access).
      expect([v6.bytes, v8.bytes], name).toEqual(STREAM_BYTES[name]);
      expect(v8.bytes, name).toBeLessThan(v6.bytes * 1.01);
      // Far fewer bytes: no region ids, and most addresses predicted.
      expect(v5.bytes * 4 < v4.bytes, `${name}: ${v5.bytes} bytes against ${v4.bytes}`).toBe(true);
      // Format 6: a keyframe (a few KB at most) per MiB, and the table.
      expect(v6.bytes - v5.bytes, name).toBeGreaterThanOrEqual(16);
      expect(v6.bytes - v5.bytes, name).toBeLessThan(16 + 8192 * Math.ceil(v5.bytes / (1 << 20)));
    }, 120_000);
  }

  it('the generated conformance modules, on calls that complete, trap or run out of fuel', () => {
    const ARGS = [[3, 3], [-7, 11], [0, 0], [1000, -2]] as const;
    let traps = 0, compared = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const bytes = wat(generatedStrategyWat(seed));
      for (const fuel of [DEFAULT_SANDBOX.fuel, 500n]) {
        const runs = [INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8].map((instrumenter) => {
          const records: string[] = [];
          const config: SandboxConfig = { ...DEFAULT_SANDBOX, fuel, fuelPerCallback: null, hashing: 'inline', instrumenter };
          const guest = compileGuest(bytes, config);
          const ex = new TraceExpander(staticMap(bytes, guest.meta!), (r) => void records.push(`${r.func}@${r.offset}:${r.opcode}/${r.stackHeight}=${r.address}`));
          const inst = new GuestInstance(guest, stubHost(), { ...config, onTrace: (b) => ex.push(b) });
          const codes: string[] = [];
          for (const [a, b] of ARGS) {
            try {
              inst.onBar(BigInt(a * seed), b, 0, 0, 0, 0);
            } catch (e) {
              codes.push((e as { code: string }).code);
              break;
            }
          }
          const stats = inst.finish();
          ex.end();
          return { records, codes, stats, stop: ex.stop, complete: ex.complete };
        });
        for (const [k, other] of runs.entries()) {
          if (k === 0) continue;
          const label = `seed ${seed} fuel ${fuel} v${k + 4}`;
          expect(other.records, label).toEqual(runs[0]!.records);
          expect(other.codes, label).toEqual(runs[0]!.codes);
          expect(other.stats.instructions, label).toBe(runs[0]!.stats.instructions);
          expect(other.stats.fuelUsed, label).toBe(runs[0]!.stats.fuelUsed);
          expect([other.stop, other.complete], label).toEqual([runs[0]!.stop, runs[0]!.complete]);
        }
        if (runs[0]!.codes.includes('GUEST_TRAP')) traps++;
        compared += runs[0]!.records.length;
      }
    }
    expect(traps).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(50_000);
  });
});

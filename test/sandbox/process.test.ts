// --isolation process (docs/ISOLATION-PROCESS.md): every example strategy, built by the real asc, run
// in-process (v8) and in the permission-model child, gives the same trace root, result bytes, record
// bytes and counts; so do a run with snapshots (host records in the stream), and the runs that fail:
// a host limit, a param refused by the host, fuel run out in a callback — the same class, code,
// message and fault site, the host's own error object rethrown.
import { beforeAll, describe, expect, it } from 'vitest';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData, type RunConfig, type StrategyArtifact } from '../../host/index.ts';
import { toHex } from '../../traces/index.ts';
import { SandboxError, UsageError } from '../../host/errors.ts';
import { GUEST_STACK_MB } from '../../host/run/stack.ts';
import { CHILD_STACK_MB } from '../../host/sandbox/process/spawn.ts';
import { runtimeFor } from '../../host/sandbox/index.ts';

const EXAMPLES = ['sma-cross', 'sma-cross-unit', 'ema-cross', 'rsi-reversion', 'bollinger-breakout', 'donchian-turtle', 'pairs'];

let goog: LoadedData, orcl: LoadedData;
const strategies = new Map<string, StrategyArtifact>();
beforeAll(async () => {
  goog = await loadData('data/GOOG.csv');
  orcl = await loadData('test/data/orcl-1995-2014.txt');
  for (const name of EXAMPLES) strategies.set(name, await loadStrategy(`strategies-as/${name}.ts`));
}, 120_000); // seven asc builds (quiet: a few seconds)

const dataOf = (name: string) => (name === 'pairs' ? [goog, orcl] : goog);

function fingerprint(name: string, config: RunConfig, isolation: 'v8' | 'process') {
  const o = executeRun({ strategy: strategies.get(name)!, data: dataOf(name), config, isolation });
  return {
    root: toHex(o.trace.root), leaves: o.trace.leafHashes.map(toHex), bytes: o.trace.byteLength, result: toHex(o.resultBytes.subarray(0, 64)),
    resultBytes: Buffer.from(o.resultBytes).toString('base64'), record: Buffer.from(o.recordBytes).toString('base64'),
    instructions: o.instructions, fuelUsed: o.fuelUsed, snapshots: o.snapshots.map((s) => [s.bar, toHex(s.hash)]),
  };
}

function failure(name: string, config: RunConfig, isolation: 'v8' | 'process') {
  try {
    executeRun({ strategy: strategies.get(name)!, data: dataOf(name), config, isolation });
  } catch (e) {
    return { error: e, shape: { class: (e as Error).constructor.name, code: (e as { code?: string }).code, message: (e as Error).message, site: (e as { site?: unknown }).site } };
  }
  throw new Error(`${name} did not fail under ${isolation}`);
}

describe('--isolation process: the same bytes as in-process', () => {
  it('is the runtime --isolation process selects', () => {
    expect(runtimeFor('process').isolation).toBe('process');
  });

  it('every example strategy: trace root, leaves, result and record bytes, counts', () => {
    for (const name of EXAMPLES) {
      const v8 = fingerprint(name, DEFAULT_CONFIG, 'v8');
      const child = fingerprint(name, DEFAULT_CONFIG, 'process');
      expect(child, name).toEqual(v8);
      expect(v8.instructions, name).toBeGreaterThan(1_000_000n);
    }
  }, 120_000);

  it('with snapshots every 250 bars (host records in the trace, state hashes over the child\'s memory)', () => {
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 250 };
    const v8 = fingerprint('bollinger-breakout', config, 'v8');
    expect(v8.snapshots.length).toBe(8);
    expect(fingerprint('bollinger-breakout', config, 'process')).toEqual(v8);
  }, 60_000);
});

describe('--isolation process: the same failures', () => {
  it('a host limit (--max-orders 3): the same SandboxError HOST_LIMIT, message and site', () => {
    const config = { ...DEFAULT_CONFIG, maxOrders: 3 };
    const v8 = failure('sma-cross', config, 'v8'), child = failure('sma-cross', config, 'process');
    expect(child.shape).toEqual(v8.shape);
    expect(child.error).toBeInstanceOf(SandboxError);
    expect(child.shape.code).toBe('HOST_LIMIT');
    expect((child.shape.site as { callback: string; bar: number }).callback).toBe('on_bar');
  }, 60_000);

  it('a param the host refuses (not a whole number): the same UsageError', () => {
    const config = { ...DEFAULT_CONFIG, params: { fast: 10.5 } };
    const v8 = failure('sma-cross', config, 'v8'), child = failure('sma-cross', config, 'process');
    expect(child.shape).toEqual(v8.shape);
    expect(child.error).toBeInstanceOf(UsageError);
    expect(child.shape.code).toBe('USAGE');
  }, 60_000);

  it('fuel run out within one callback: the same FUEL_EXHAUSTED, site and instruction count', () => {
    const config = { ...DEFAULT_CONFIG, fuelPerCallback: 2_000n };
    const v8 = failure('donchian-turtle', config, 'v8'), child = failure('donchian-turtle', config, 'process');
    expect(child.shape).toEqual(v8.shape);
    expect(child.shape.code).toBe('FUEL_EXHAUSTED');
    expect((child.shape.site as { instructions: bigint }).instructions).toBeGreaterThan(0n);
  }, 60_000);

  it('the child\'s stack is a guest thread\'s', () => {
    expect(CHILD_STACK_MB).toBe(GUEST_STACK_MB);
  });
});

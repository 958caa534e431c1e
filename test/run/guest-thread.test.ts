// The guest thread (run/worker): one is kept for the next call, so an inspector's several
// re-executions do not each start a thread and load the host into it; two calls at once get two
// threads; a thread the watchdog stopped is never reused; errors keep their class and code. A run's
// bars can be lent to the thread (moved, then given back) and its result columns come back moved.
import { describe, expect, it } from 'vitest';
import { executeRunIsolated, heapFlagsForManyRuns, inGuestThread, prepareGuestThread, transferableBuffers, MANY_RUNS_OLD_SPACE_MB } from '../../host/run/worker.ts';
import { spawnSync } from 'node:child_process';
import { executeRun, feedPeriods, warmRecordCodec } from '../../host/run/execute.ts';
import { Worker } from 'node:worker_threads';
import { encodeResult } from '../../host/audit/codec.ts';
import { SandboxError } from '../../host/errors.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import type { StrategyArtifact } from '../../host/run/execute.ts';
import type { LoadedData } from '../../host/data/load.ts';
import type { Bars } from '../../host/model/bars.ts';
import { sha256, toHex } from '../../traces/index.ts';

const probe = new URL('../fixtures/thread-probe.ts', import.meta.url).href;
const mainThreadId = 0;

describe('guest threads', () => {
  it('consecutive calls run on the same guest thread', async () => {
    const a = await inGuestThread<number>(probe, 'whichThread', null);
    const b = await inGuestThread<number>(probe, 'whichThread', null);
    expect(a).not.toBe(mainThreadId);
    expect(b).toBe(a);
  });

  it('calls at once run on different threads, and both are kept', async () => {
    const [a, b] = await Promise.all([inGuestThread<number>(probe, 'block', 50), inGuestThread<number>(probe, 'block', 50)]);
    expect(a).not.toBe(b);
    const [c, d] = await Promise.all([inGuestThread<number>(probe, 'block', 50), inGuestThread<number>(probe, 'block', 50)]);
    expect(new Set([c, d])).toEqual(new Set([a, b]));
  });

  it('a thread stopped by the watchdog is not reused', async () => {
    const before = await inGuestThread<number>(probe, 'whichThread', null);
    let code = '';
    try {
      await inGuestThread(probe, 'block', 2_000, { timeoutMs: 200 });
    } catch (e) {
      code = (e as SandboxError).code;
    }
    expect(code).toBe('WATCHDOG');
    // The stopped thread was the kept one; the next call gets another.
    const after = await inGuestThread<number>(probe, 'whichThread', null);
    expect(after).not.toBe(before);
    expect(await inGuestThread<number>(probe, 'whichThread', null)).toBe(after);
  });

  it('a call with endThread ends its thread after the reply: the next call gets another', async () => {
    const a = await inGuestThread<number>(probe, 'whichThread', null, { endThread: true });
    const b = await inGuestThread<number>(probe, 'whichThread', null);
    expect(b).not.toBe(a);
    expect(await inGuestThread<number>(probe, 'whichThread', null)).toBe(b);
  });

  it('an error thrown on the thread arrives as the same class and code, and the thread is kept', async () => {
    const before = await inGuestThread<number>(probe, 'whichThread', null);
    let err: unknown;
    try {
      await inGuestThread(probe, 'fail', null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).code).toBe('GUEST_TRAP');
    expect(await inGuestThread<number>(probe, 'whichThread', null)).toBe(before);
  });
});

describe('what crosses to a guest thread without a copy', () => {
  /** A feed held in memory: `n` minute bars (at least 64 KiB a column: transferred, not copied). */
  function feed(n: number): LoadedData {
    const bars = { length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const p = 100 + 10 * Math.sin(i / 50);
      bars.time[i] = 1_700_000_000_000_000_000n + BigInt(i) * 60_000_000_000n;
      bars.open[i] = p;
      bars.high[i] = p + 1;
      bars.low[i] = p - 1;
      bars.close[i] = p + 0.5;
      bars.volume[i] = i;
    }
    return { path: 'synthetic.csv', symbol: 'synthetic', sha256: '00'.repeat(32), byteLength: 0, bars, options: {} };
  }
  const copy = (b: Bars) => ({ time: b.time.slice(), close: b.close.slice(), volume: b.volume.slice() });
  let strategy: StrategyArtifact;
  const config = { ...DEFAULT_CONFIG, trace: 'off' as const };

  it('a lent feed is moved to the run and back: the same bars after, the same outcome as a copied one', async () => {
    strategy ??= await loadStrategy('strategies-as/sma-cross.ts');
    const lent = feed(20_000);
    const before = copy(lent.bars);
    const pending = executeRunIsolated({ strategy, data: [lent], config }, { lendData: true });
    // Moved, not copied: the caller's columns are empty while the run has them.
    expect([lent.bars.close.length, lent.bars.time.length]).toEqual([0, 0]);
    const a = await pending;
    expect(copy(lent.bars)).toEqual(before);
    const copied = feed(20_000);
    const b = await executeRunIsolated({ strategy, data: [copied], config });
    expect(copied.bars.close.length).toBe(20_000);
    expect([a.runId, toHex(sha256(a.resultBytes))]).toEqual([b.runId, toHex(sha256(b.resultBytes))]);
    expect(a.result.equity).toEqual(b.result.equity);
    expect(a.times).toEqual(b.times);
    expect(a.result.equity.length).toBe(20_000);
  }, 60_000);

  it('the trades and orders a caller reads are the run\'s own, though only result.pb crossed: every field, rejections included', async () => {
    strategy ??= await loadStrategy('strategies-as/sma-cross.ts');
    const bad = await loadStrategy('test/fixtures/bad-orders.ts');
    for (const s of [strategy, bad]) {
      const here = executeRun({ strategy: s, data: [feed(20_000)], config });
      // result.pb as encoded from the engine's columns (run/execute) is the encoding of the result's objects.
      expect(toHex(sha256(here.resultBytes))).toBe(toHex(sha256(encodeResult(here.result))));
      const there = await executeRunIsolated({ strategy: s, data: [feed(20_000)], config }, { lendData: true, endThread: true });
      expect(there.result.trades).toEqual(here.result.trades);
      expect(there.result.orders).toEqual(here.result.orders);
      expect(there.result.stats).toEqual(here.result.stats);
      expect(there.result.equity).toEqual(here.result.equity);
      expect(toHex(sha256(there.recordBytes))).toBe(toHex(sha256(here.recordBytes)));
    }
    expect(new Set((await executeRunIsolated({ strategy: bad, data: [feed(20_000)], config })).result.orders.map((o) => o.reason)))
      .toEqual(new Set(['invalid-size', 'insufficient-margin', 'no-position', 'unknown-symbol', 'invalid-price', 'end-of-data']));
  }, 60_000);

  it('a run that fails gives the lent bars back too', async () => {
    strategy ??= await loadStrategy('strategies-as/sma-cross.ts');
    const lent = feed(20_000);
    const before = copy(lent.bars);
    await expect(executeRunIsolated({ strategy, data: [lent], config: { ...config, params: { nope: 1 } } }, { lendData: true })).rejects.toMatchObject({ code: 'UNKNOWN_PARAM' });
    expect(copy(lent.bars)).toEqual(before);
  }, 60_000);

  it('transfers only large, unshared, transferable buffers, found in fields (not in rows of objects)', () => {
    const big = new Float64Array(8192); // 64 KiB
    const small = new Float64Array(8191);
    const shared = new Float64Array(new SharedArrayBuffer(1 << 20));
    const pooled = Buffer.from('pooled'); // a slice of Node's pool, marked untransferable
    const rows = Array.from({ length: 17 }, () => ({ column: new Float64Array(1 << 14) }));
    const view = new Int32Array(big.buffer); // a second view: one buffer
    expect(transferableBuffers({ a: { b: big, view }, small, shared, pooled, rows })).toEqual([big.buffer]);
    expect(transferableBuffers({ a: { b: { c: big } } })).toEqual([big.buffer]); // three fields deep: a run's result columns
    expect(transferableBuffers({ a: { b: { c: { d: big } } } })).toEqual([]); // deeper than the fields searched
    expect(transferableBuffers({ a: { b: { c: { d: big } } } }, 4)).toEqual([big.buffer]);
  });

  it('a preload calls its warm-up once its modules are in, and the thread then serves calls as any other', async () => {
    const worker = new Worker(new URL('../../host/run/guest-thread.ts', import.meta.url));
    try {
      const messages: unknown[] = [];
      const next = (): Promise<unknown> => new Promise((resolve) => worker.once('message', (m) => resolve(m)));
      const warmed = next();
      worker.postMessage({ preload: [probe], warm: { module: probe, fn: 'warm' } });
      messages.push(await warmed);
      const replied = next();
      worker.postMessage({ module: probe, fn: 'whichThread', arg: null });
      messages.push(await replied);
      expect(messages).toEqual([{ warmed: worker.threadId }, { value: worker.threadId }]);
    } finally {
      await worker.terminate();
    }
  });

  it('a run on a thread prepared ahead (modules loaded, record codecs warmed), given its periods, has the record and result of a run on this thread', async () => {
    strategy ??= await loadStrategy('strategies-as/sma-cross.ts');
    warmRecordCodec(); // this thread's codecs warmed as well: a run after it is unchanged
    const here = executeRun({ strategy, data: feed(20_000), config: DEFAULT_CONFIG });
    prepareGuestThread();
    // (with the periods the caller inferred while it waited, as backtest passes them: the same as inferred there)
    const data = feed(20_000);
    const there = await executeRunIsolated({ strategy, data, config: DEFAULT_CONFIG, periods: feedPeriods([data]) }, { endThread: true });
    expect(feedPeriods([data])).toEqual([60_000_000_000n]);
    expect([toHex(sha256(there.recordBytes)), toHex(sha256(there.resultBytes)), toHex(there.trace.root)]).toEqual([toHex(sha256(here.recordBytes)), toHex(sha256(here.resultBytes)), toHex(here.trace.root)]);
    expect([here.barsPerFeed, there.barsPerFeed]).toEqual([[20_000], [20_000]]);
  }, 60_000);

  it('a thread prepared ahead of a call serves it; preparing again while it waits starts no other', async () => {
    prepareGuestThread();
    prepareGuestThread();
    const a = await inGuestThread<number>(probe, 'whichThread', null);
    prepareGuestThread(); // a is idle again: nothing started
    expect(await inGuestThread<number>(probe, 'whichThread', null)).toBe(a);
  });
});

describe('heapFlagsForManyRuns', () => {
  it('the old space always; the external memory counted in the global limit from V8 13 (Node 24) only', () => {
    expect(heapFlagsForManyRuns('12.4.254.21-node.33')).toEqual([`--initial-old-space-size=${MANY_RUNS_OLD_SPACE_MB}`]);
    expect(heapFlagsForManyRuns('13.6.233.17-node.33')).toEqual([`--initial-old-space-size=${MANY_RUNS_OLD_SPACE_MB}`, '--external-memory-accounted-in-global-limit']);
  });

  it('this Node\'s V8 knows every flag given to it (an unknown one is an "unrecognized flag" error on stderr)', () => {
    const flags = heapFlagsForManyRuns(process.versions.v8);
    const r = spawnSync(process.execPath, ['-e', `for (const f of ${JSON.stringify(flags)}) require('node:v8').setFlagsFromString(f)`], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});

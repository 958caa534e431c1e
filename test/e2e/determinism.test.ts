import { beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { executeRun, executeRunIsolated, loadData, loadStrategy, DEFAULT_CONFIG, type StrategyArtifact, type LoadedData } from '../../host/index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { INSTRUMENTER_V4 } from '../../host/sandbox/index.ts';

// Golden values: SMA(10/20) crossover on data/GOOG.csv, default config (cash 10000, no commission),
// trace format 4 (backproof-instrument/4, what runs recorded before format 6; format 6's root is
// pinned in test/golden/trace-v6.json). They change only if the strategy, SDK, asc version/flags,
// instrumenter, engine or encodings change — each of which must be a deliberate, reviewed change.
const GOLDEN_TRACE_ROOT = '8f5e542257b6a8cb8b13b2c8d92ccd33d8a06177e81b8195d9edb1a36a5d33ee';
// The result holds every order (orders.csv) since issue 9; the trace is unchanged.
const GOLDEN_RESULT_SHA256 = '217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83';
const GOLDEN_INSTRUCTIONS = 1354070n;

let strategy: StrategyArtifact;
let data: LoadedData;
beforeAll(async () => {
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  data = await loadData('data/GOOG.csv');
});

describe('determinism', () => {
  it('the same run twice gives identical trace root, result and record', () => {
    const a = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V4 });
    const b = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V4 });
    expect(toHex(a.trace.root)).toBe(GOLDEN_TRACE_ROOT);
    expect(toHex(sha256(a.resultBytes))).toBe(GOLDEN_RESULT_SHA256);
    expect(a.instructions).toBe(GOLDEN_INSTRUCTIONS);
    expect(toHex(b.trace.root)).toBe(GOLDEN_TRACE_ROOT);
    expect(Buffer.compare(a.resultBytes, b.resultBytes)).toBe(0);
    expect(Buffer.compare(a.recordBytes, b.recordBytes)).toBe(0);
  });

  it('a worker thread gives the same trace root and result hash', async () => {
    const r = await executeRunIsolated({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V4 }, { timeoutMs: 60_000 });
    expect(toHex(r.trace.root)).toBe(GOLDEN_TRACE_ROOT);
    expect(toHex(sha256(r.resultBytes))).toBe(GOLDEN_RESULT_SHA256);
    expect(r.instructions).toBe(GOLDEN_INSTRUCTIONS);
    expect(Buffer.compare(r.recordBytes, executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V4 }).recordBytes)).toBe(0);
  });

  it('a param changes the trace root and the result', () => {
    const c = executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { fast: 5 } }, instrumenter: INSTRUMENTER_V4 });
    expect(toHex(c.trace.root)).not.toBe(GOLDEN_TRACE_ROOT);
    expect(toHex(sha256(c.resultBytes))).not.toBe(GOLDEN_RESULT_SHA256);
  });
});

describe('example strategies', () => {
  it('pin their trade count and final equity on data/GOOG.csv', async () => {
    const sma = executeRun({ strategy, data, config: DEFAULT_CONFIG });
    expect([sma.result.stats.trades, sma.result.stats.equityFinal]).toEqual([93, 81812.37000000004]); // exact bits: float sums in bar order
    const ema = executeRun({ strategy: await loadStrategy('strategies-as/ema-cross.ts'), data, config: DEFAULT_CONFIG });
    expect([ema.result.stats.trades, ema.result.stats.equityFinal]).toEqual([24, 24477.749999999993]);
  });
});

describe('guest logs', () => {
  it('arrive through pino with the bar timestamp, bar index and run id', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).trim().split('\n')); done(); } });
    const logger = pino({ level: 'info', timestamp: false, base: undefined }, sink);
    const s = await loadStrategy('test/fixtures/logger.ts');
    const outcome = executeRun({ strategy: s, data, config: DEFAULT_CONFIG, logger });
    const guest = lines.map((l) => JSON.parse(l)).filter((l) => l.msg.startsWith('close'));
    expect(guest).toEqual([
      { level: 30, runId: outcome.runId, symbol: 'GOOG', bar: 0, time: '2004-08-19T00:00:00Z', msg: 'close 100.34' },
      { level: 30, runId: outcome.runId, symbol: 'GOOG', bar: 1, time: '2004-08-20T00:00:00Z', msg: 'close 108.31' },
      { level: 30, runId: outcome.runId, symbol: 'GOOG', bar: 2, time: '2004-08-23T00:00:00Z', msg: 'close 109.4' },
    ]);
  });
});

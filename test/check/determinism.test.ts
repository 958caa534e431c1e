// check-determinism (host/check): the same run made every way agrees on sma-cross, hash by hash; a
// divergence planted in one variant (its inputs changed through the checker's test-only `plant`) is
// reported as the first difference, with the first differing instruction and bar exactly where an
// independent computation puts them; bad inputs are typed errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { checkDeterminism, type Plant } from '../../host/check/index.ts';
import { DEFAULT_CONFIG, executeRun, loadData, loadStrategy, type LoadedData, type StrategyArtifact } from '../../host/index.ts';
import { reexecute } from '../../host/inspect/reexecute.ts';
import { isoTime } from '../../host/model/bars.ts';
import { documentOf, NOT_IDENTICAL } from '../../host/cli/check.ts';
import { jsonText } from '../../host/cli/command.ts';
import { cli } from '../helpers/cli.ts';

const SMA = 'strategies-as/sma-cross.ts';
const GOOG = 'data/GOOG.csv';
// test/e2e/determinism.test.ts pins these for sma-cross on GOOG (the result and the count do not depend on the trace format).
const RESULT_SHA256 = '217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83';
const INSTRUCTIONS = 1354070n;

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
for (const f of readdirSync('docs/schema').filter((n) => n.endsWith('.json'))) ajv.addSchema(JSON.parse(readFileSync(path.join('docs/schema', f), 'utf8')));
const schemaErrors = (doc: unknown): unknown => {
  const validate = ajv.getSchema('urn:backproof:schema:check-determinism@1')!;
  return validate({ schema: 'backproof/check-determinism@1', ...JSON.parse(jsonText(doc)) }) ? [] : validate.errors;
};

const planted = (plant: Plant, variants: string[]) => checkDeterminism({ strategy: SMA, data: [GOOG], config: DEFAULT_CONFIG, runs: 1, variants, plant });

let strategy: StrategyArtifact;
let goog: LoadedData;
beforeAll(async () => {
  strategy = await loadStrategy(SMA);
  goog = await loadData(GOOG);
});

describe('check-determinism', () => {
  it('sma-cross on GOOG: every variant identical; each child process showed its environment', async () => {
    const r = await checkDeterminism({ strategy: SMA, data: [GOOG], config: DEFAULT_CONFIG, runs: 1 });
    const names = ['main', 'worker', 'process', 'tz', 'locale', 'c-locale', 'no-cache', 'streamed', 'leaf-1k', 'leaf-16k', 'trace-off'];
    expect([r.identical, r.first, r.notes]).toEqual([true, null, []]);
    expect(r.runs.map((v) => v.label)).toEqual(names);
    expect(new Set(r.runs.map((v) => v.summary!.resultSha256))).toEqual(new Set([RESULT_SHA256]));
    expect(new Set(r.runs.map((v) => v.summary!.instructions))).toEqual(new Set([INSTRUCTIONS]));
    // one root per leaf size; one record per config
    expect(new Set(r.runs.filter((v) => v.trace === 'full').map((v) => `${v.chunkSize} ${v.summary!.traceRoot}`)).size).toBe(3);
    expect(new Set(r.runs.map((v) => v.summary!.recordSha256)).size).toBe(4);
    expect(r.runs.find((v) => v.label === 'trace-off')!.summary!.traceBytes).toBe(0);
    const shown = Object.fromEntries(r.runs.filter((v) => v.shown).map((v) => [v.label, [v.shown!.timeZone, v.shown!.locale]]));
    expect(shown.tz).toEqual(['Pacific/Chatham', expect.any(String)]);
    expect(shown.locale![1]).toBe('tr-TR');
    expect(shown['c-locale']).toEqual(['UTC', 'en-US']);
    expect(r.runs.find((v) => v.label === 'locale')!.shown!.sample).toMatch(/^1\.234,5 /); // the locale did take effect
    expect(schemaErrors(documentOf(r))).toEqual([]);
  });

  it('--runs N: each variant N times, the Nth labelled #N and compared like the first', async () => {
    const r = await checkDeterminism({ strategy: SMA, data: [GOOG], config: DEFAULT_CONFIG, runs: 3, variants: ['worker', 'leaf-1k'] });
    expect([r.identical, r.runsPerVariant, r.runs.map((v) => v.label)]).toEqual([true, 3, ['main', 'worker', 'leaf-1k', 'main#2', 'worker#2', 'leaf-1k#2', 'main#3', 'worker#3', 'leaf-1k#3']]);
    expect(new Set(r.runs.filter((v) => v.variant === 'leaf-1k').map((v) => v.summary!.recordSha256)).size).toBe(1);
  });

  it('a data tail dropped in the worker run: the worker differs first, its trace ending where the reference goes on to the first dropped bar', async () => {
    const r = await planted({ variant: 'worker', dropLastBars: 5 }, ['worker', 'tz']);
    expect(r.identical).toBe(false);
    const f = r.first!;
    expect(f.label).toBe('worker');
    expect(f.differences.map((d) => [d.field, d.against])).toEqual([
      ['result', 'main'], ['instructions', 'main'], ['fuelUsed', 'main'], ['traceBytes', 'main'], ['traceRoot', 'main'], ['record', 'main'],
    ]);
    // Independently: the run on the first 2143 bars executes exactly this many instructions; the reference's next one starts bar 2143.
    const short = executeRun({ strategy, data: { ...goog, bars: headOf(goog, goog.bars.length - 5) }, config: DEFAULT_CONFIG });
    expect(f.differences.find((d) => d.field === 'instructions')!.actual).toBe(String(short.instructions));
    const d = f.divergence!;
    expect(d.instruction).toBe(Number(short.instructions));
    expect(d.left.call).toEqual({ start: Number(short.instructions), callback: 'on_bar', event: 2143, time: isoTime(goog.bars.time[2143]!), symbol: 'GOOG' });
    expect(d.left.call!.time).toBe('2013-02-25T00:00:00Z');
    expect([d.right.instruction, d.right.note, d.right.call!.event]).toEqual([null, 'its trace ends before this instruction', 2142]);
    expect(schemaErrors(documentOf(r))).toEqual([]);
  });

  it('another param in a child process (tz): the first differing instruction is where both runs\' records first differ', async () => {
    const r = await planted({ variant: 'tz', params: { fast: 12 } }, ['tz']);
    const f = r.first!;
    expect([f.label, f.differences.map((d) => d.field)]).toEqual(['tz', ['result', 'instructions', 'fuelUsed', 'traceBytes', 'traceRoot', 'record']]);
    const at = f.divergence!.instruction!;
    expect(f.divergence!.left.call!.callback).toBe('init'); // the SMA's window is sized by the param in init
    // Independently, by re-execution: the first `at` instructions' records agree (one digest over them), instruction `at` differs.
    const side = (params: Record<string, number>, o: object) => reexecute({ wasm: strategy.wasm, feeds: [goog], config: { ...DEFAULT_CONFIG, params }, ...o });
    const [a, b] = await Promise.all([side({}, { digestEvery: at }), side({ fast: 12 }, { digestEvery: at })]);
    expect(a.digests[0]).toBe(b.digests[0]);
    const [ra, rb] = await Promise.all([side({}, { recordFrom: at, recordTo: at + 1, stopWhenRecorded: true }), side({ fast: 12 }, { recordFrom: at, recordTo: at + 1, stopWhenRecorded: true })]);
    expect(ra.records[0]).not.toEqual(rb.records[0]);
    expect({ func: ra.records[0]!.func, offset: ra.records[0]!.offset }).toEqual({ func: f.divergence!.left.instruction!.func, offset: f.divergence!.left.instruction!.offset });
  });

  it('planted in a run with other leaves (leaf-1k): found instruction by instruction, at the same instruction', async () => {
    const r = await planted({ variant: 'leaf-1k', dropLastBars: 5 }, ['leaf-1k']);
    const short = executeRun({ strategy, data: { ...goog, bars: headOf(goog, goog.bars.length - 5) }, config: DEFAULT_CONFIG });
    expect([r.first!.label, r.first!.differences.map((d) => d.field)]).toEqual(['leaf-1k', ['result', 'instructions', 'fuelUsed', 'traceBytes']]);
    expect([r.first!.divergence!.instruction, r.first!.divergence!.left.call!.event]).toEqual([Number(short.instructions), 2143]);
  });

  it('planted with the trace off: the difference, and a note that there is no instruction to compare', async () => {
    const r = await planted({ variant: 'trace-off', dropLastBars: 5 }, ['trace-off']);
    expect([r.first!.label, r.first!.differences.map((d) => d.field), r.first!.divergence]).toEqual(['trace-off', ['result', 'instructions', 'fuelUsed'], null]);
    expect(r.first!.note).toBe('trace-off ran without a trace: no instruction to compare');
  });

  it('the CLI: exit 0 and IDENTICAL; bad input is a typed error with its exit code', async () => {
    const ok = await cli('check-determinism', SMA, '--data', GOOG, '--runs', '1', '--variants', 'leaf-16k');
    expect([ok.code, ok.out.split('\n').filter((l) => l.startsWith('IDENTICAL'))]).toEqual([0, ['IDENTICAL in all 2 runs']]);
    expect(ok.out).toContain(`  result        sha256 ${RESULT_SHA256}`);
    expect(NOT_IDENTICAL).toBe(7);
    const usage = async (...argv: string[]) => {
      const r = await cli('check-determinism', ...argv, '--json');
      return [r.code, (JSON.parse(r.out) as { code: string }).code];
    };
    expect(await usage(SMA, '--data', GOOG, '--runs', '0')).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', GOOG, '--runs', '2.5')).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', GOOG, '--runs', 'many')).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', GOOG, '--runs', '101')).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', GOOG, '--variants', 'worker,threads')).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', GOOG, '--param', 'fast')).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', GOOG, '--param', 'nope=3', '--variants', 'worker')).toEqual([2, 'UNKNOWN_PARAM']);
    expect(await usage(SMA)).toEqual([2, 'USAGE']); // no --data
    expect(await usage('--data', GOOG)).toEqual([2, 'USAGE']); // no strategy
    expect(await usage('strategies-as/no-such.ts', '--data', GOOG)).toEqual([6, 'BUILD_FAILED']);
    expect(await usage('strategies-as/no-such.wasm', '--data', GOOG)).toEqual([2, 'USAGE']);
    expect(await usage(SMA, '--data', 'data/no-such.csv')).toEqual([3, 'DATA_NOT_FOUND']);
    await expect(planted({ variant: 'threads', dropLastBars: 1 }, ['worker'])).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('check-determinism of a strategy that faults (tester D8)', () => {
  it('names the fault\'s source position, as backtest does', async () => {
    const r = await cli('check-determinism', 'test/fixtures/fault.ts', '--data', GOOG, '--param', 'fault=1', '--runs', '1', '--variants', 'worker');
    expect(r.code).toBe(4);
    expect(r.err).toContain('GUEST_TRAP: guest trapped: divide by zero in function 19 (guest-sdk/abi/on_bar) at byte offset 4409 (test/fixtures/fault.ts:14:38) after 17407 instructions, in on_bar of bar 49 (2004-10-28T00:00:00Z, symbol 0 GOOG)');
  }, 60_000);
});

function headOf(d: LoadedData, n: number) {
  const b = d.bars;
  return { length: n, time: b.time.subarray(0, n), open: b.open.subarray(0, n), high: b.high.subarray(0, n), low: b.low.subarray(0, n), close: b.close.subarray(0, n), volume: b.volume.subarray(0, n) };
}

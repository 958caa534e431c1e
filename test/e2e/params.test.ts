// A param the strategy reads as an integer (the SDK's param() with an integer default goes through
// the param_int import) refuses a non-integer value or one outside the i32 range: a usage error before any bar, no run folder.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG, executeRun, loadData, loadStrategy, UsageError } from '../../host/index.ts';
import { ALLOWED_IMPORTS } from '../../host/sandbox/abi.ts';
import { cli } from '../helpers/cli.ts';

describe('integer params', () => {
  it('sma-cross reads fast and slow as integers: 10.5 is a usage error, 10 runs', async () => {
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const data = await loadData('data/GOOG.csv');
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(strategy.wasm as Uint8Array<ArrayBuffer>)).map((i) => `${i.module}.${i.name}`);
    expect(imports).toContain('backproof.param_int');
    expect(ALLOWED_IMPORTS.backproof!.param_int).toEqual(ALLOWED_IMPORTS.backproof!.param);
    expect(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { fast: 10.5, slow: 20 } } }))
      .toThrow(expect.objectContaining({ constructor: UsageError, code: 'USAGE', message: expect.stringContaining('--param fast=10.5') }));
    expect(executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } } }).result.trades.length).toBeGreaterThan(0);
  });

  it('an integer param outside the i32 range is a usage error naming the param and the range', async () => {
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const data = await loadData('data/GOOG.csv');
    for (const fast of [2147483648, 4294967316, -2147483649])
      expect(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { fast, slow: 20 } } }))
        .toThrow(expect.objectContaining({ constructor: UsageError, code: 'USAGE', message: `--param fast=${fast}: the strategy reads "fast" as a 32-bit integer; give a whole number in -2147483648..2147483647` }));
  });

  it('a float param (donchian-turtle risk) takes any number', async () => {
    const strategy = await loadStrategy('strategies-as/donchian-turtle.ts');
    const data = await loadData('data/GOOG.csv');
    expect(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { risk: 0.015 } } })).not.toThrow();
    expect(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { entry: 20.5 } } })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('from the CLI: exit 2, and nothing is written', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bp-params-')), 'run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--param', 'fast=10.5', '--out', out, '--unsigned');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--param fast=10.5');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('from the CLI: an integer param above 2^31 - 1 exits 2 naming the range, nothing written', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bp-params-')), 'run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--param', 'slow=2147483648', '--out', out, '--unsigned');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--param slow=2147483648');
    expect(r.err).toContain('-2147483648..2147483647');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('__proto__ as a param name is refused as unknown, never dropped: from the CLI (exit 2, nothing written) and from the API', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bp-params-')), 'run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--param', '__proto__=1', '--out', out, '--unsigned');
    expect(r.code).toBe(2);
    expect(r.err).toContain('UNKNOWN_PARAM');
    expect(r.err).toContain('unknown param "__proto__": it is reserved (no strategy can read a param of that name)');
    expect(existsSync(out)).toBe(false);
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const data = await loadData('data/GOOG.csv');
    // JSON.parse makes "__proto__" an own key (an object literal would set the prototype instead).
    const params = JSON.parse('{"fast":10,"__proto__":1}') as Record<string, number>;
    expect(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params } }))
      .toThrow(expect.objectContaining({ constructor: UsageError, code: 'UNKNOWN_PARAM', message: 'unknown param "__proto__": it is reserved (no strategy can read a param of that name)' }));
  }, 60_000);
});

// Errors an author can act on: faults, trace and diff name the AssemblyScript source position
// (asc's source map), besides the wasm byte offset; the map is used only with the module it belongs to.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { cli } from '../helpers/cli.ts';
import { buildStrategy } from '../../host/build/asc.ts';
import { formatPosition, SourceMapError, WasmSourceMap } from '../../host/build/sourcemap.ts';
import { parseModule } from '../../host/sandbox/instrument/module.ts';

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** A naive Base64 VLQ encoder (the reference; the product only decodes). */
function vlq(values: number[]): string {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (const v of values) {
    let n = v < 0 ? (-v << 1) | 1 : v << 1;
    do {
      let digit = n & 31;
      n >>>= 5;
      if (n > 0) digit |= 32;
      out += B64[digit];
    } while (n > 0);
  }
  return out;
}

/** Segments as absolute [offset] or [offset, source, line, column] (0-based), delta-encoded on one line. */
function mapOf(sources: string[], segments: number[][]): string {
  const prev = [0, 0, 0, 0];
  const parts = segments.map((s) => {
    const delta = s.map((v, k) => v - prev[k]!);
    s.forEach((v, k) => (prev[k] = v));
    return vlq(delta);
  });
  return JSON.stringify({ version: 3, sources, names: [], mappings: parts.join(',') });
}

describe('WasmSourceMap', () => {
  const map = WasmSourceMap.parse(mapOf(['a.ts', 'b.ts'], [[10, 0, 4, 2], [14], [20, 1, 0, 0], [30, 0, 9, 0]]));

  it('maps a byte offset to the nearest mapping at or before it (1-based line and column)', () => {
    expect(map.locate(10)).toEqual({ file: 'a.ts', line: 5, column: 3 });
    expect(map.locate(13)).toEqual({ file: 'a.ts', line: 5, column: 3 });
    expect(map.locate(25)).toEqual({ file: 'b.ts', line: 1, column: 1 });
    expect(map.locate(1000)).toEqual({ file: 'a.ts', line: 10, column: 1 });
    expect(map.locate(9)).toBeNull();
  });

  it('a sourceless mapping has no position, or with `near` the located one before it, marked', () => {
    expect(map.locate(14)).toBeNull();
    expect(map.locate(17)).toBeNull();
    expect(map.locate(17, 0, true)).toEqual({ file: 'a.ts', line: 5, column: 3, near: true });
    expect(formatPosition(map.locate(17, 0, true)!)).toBe('near a.ts:5:3');
    expect(formatPosition(map.locate(25, 0, true)!)).toBe('b.ts:1:1');
  });

  it('`accept` counts only the mappings of the sources it accepts as located', () => {
    expect(map.locate(25, 0, true, (f) => f === 'a.ts')).toEqual({ file: 'a.ts', line: 5, column: 3, near: true });
    expect(map.locate(25, 0, false, (f) => f === 'a.ts')).toBeNull();
    expect(map.locate(12, 0, true, (f) => f === 'b.ts')).toBeNull();
  });

  it('never reaches before `from` (the function body start)', () => {
    expect(map.locate(25, 21)).toBeNull();
    expect(map.locate(17, 12, true)).toBeNull();
    expect(map.locate(30, 30)).toEqual({ file: 'a.ts', line: 10, column: 1 });
  });

  it('refuses what is not a v3 map of a wasm module', () => {
    const bad = (json: string) => expect(() => WasmSourceMap.parse(json)).toThrow(SourceMapError);
    bad('{');
    bad(JSON.stringify({ version: 2, sources: [], mappings: '' }));
    bad(JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'A!AA' }));
    bad(JSON.stringify({ version: 3, sources: ['a.ts'], mappings: vlq([4, 1, 0, 0]) })); // source 1 of 1
    bad(JSON.stringify({ version: 3, sources: ['a.ts'], mappings: `${vlq([4, 0, 0, 0])};${vlq([1, 0, 0, 0])}` })); // two lines
    bad(JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'g' })); // ends inside a value
    bad(JSON.stringify({ version: 3, sources: ['a.ts'], mappings: vlq([4, 0]) })); // two fields
  });
});

describe("asc's map of a strategy", () => {
  it('leaves the module bytes as they were, and depends on nothing but the sources', async () => {
    const a = await buildStrategy('strategies-as/sma-cross.ts');
    // The module sma-cross built to before asc was asked for a map (commit e5b97f3), and its map (pinned: no path, no time in it).
    expect(sha256(a.wasm)).toBe('2da845ab8bd0cdf283903fe8590fc63bd9c8f389f153998b64aabc2d7a2f2402');
    expect(parseModule(a.wasm).sections.filter((s) => s.name === 'sourceMappingURL')).toEqual([]);
    expect(sha256(a.sourceMap!)).toBe('9844c2d6fc0a9806ffd3e2285b995396858564b88d49592a347b7bbcbba9a61a');
    const m = JSON.parse(a.sourceMap!) as { sources: string[] };
    expect(Object.keys(JSON.parse(a.sourceMap!))).toEqual(['version', 'sources', 'names', 'mappings']);
    expect(m.sources).toContain('strategies-as/sma-cross.ts');
    expect(m.sources).toContain('guest-sdk/abi.ts');
    expect(m.sources.filter((s) => path.isAbsolute(s) || s.startsWith('.'))).toEqual([]);
  });
});

describe('faults name file:line:col, the bar and its time', () => {
  let work: string;
  let wasm: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-source-map-'));
    // Built once; run as a module with its bound map beside it (the same positions as from source: first case).
    wasm = path.join(work, 'fault.wasm');
    expect((await cli('build', 'test/fixtures/fault.ts', '--out', wasm)).code).toBe(0);
  });
  const backtest = (strategy: string, out: string, ...more: string[]) =>
    cli('backtest', '--quiet', '--strategy', strategy, '--data', 'data/GOOG.csv', '--unsigned', '--out', path.join(work, out), ...more);
  const head = 'backproof backtest: error ';

  it('a trap (integer division by zero, unreachable) and an abort (assert), on bar 49 of GOOG.csv', async () => {
    const div = await backtest('test/fixtures/fault.ts', 'div', '--param', 'fault=1');
    expect(div.code).toBe(4);
    expect(div.err).toBe(`${head}GUEST_TRAP: guest trapped: divide by zero in function 19 (guest-sdk/abi/on_bar) at byte offset 4409 (test/fixtures/fault.ts:14:38) after 17407 instructions, in on_bar of bar 49 (2004-10-28T00:00:00Z, symbol 0 GOOG)`);
    const abort = await backtest(wasm, 'abort', '--param', 'fault=2');
    expect(abort.code).toBe(4);
    expect(abort.err).toBe(`${head}GUEST_ABORT: guest aborted: seen must stay negative at test/fixtures/fault.ts:15:26 in function 19 (guest-sdk/abi/on_bar) at byte offset 4458 (near test/fixtures/fault.ts:15:48), in on_bar of bar 49 (2004-10-28T00:00:00Z, symbol 0 GOOG)`);
    const unreachable = await backtest(wasm, 'unreachable', '--param', 'fault=3', '--param', 'at=7');
    expect(unreachable.code).toBe(4);
    expect(unreachable.err).toBe(`${head}GUEST_TRAP: guest trapped: unreachable in function 19 (guest-sdk/abi/on_bar) at byte offset 4480 (test/fixtures/fault.ts:16:26) after 10677 instructions, in on_bar of bar 7 (2004-08-30T00:00:00Z, symbol 0 GOOG)`);
  });

  it("a fault in library code inlined into the strategy also names the strategy's line that reached it", async () => {
    const r = await backtest('test/fixtures/out-of-range.ts', 'oor');
    expect(r.code).toBe(4);
    expect(r.err).toBe(`${head}GUEST_ABORT: guest aborted: Index out of range at ~lib/staticarray.ts:93:41 in function 18 (guest-sdk/abi/on_bar) at byte offset 4392 (near ~lib/staticarray.ts:93:62, reached from test/fixtures/out-of-range.ts:9:13), in on_bar of bar 4 (2004-08-25T00:00:00Z, symbol 0 GOOG)`);
  });

  it('fuel exhaustion names the line of the loop', async () => {
    const spin = await backtest('test/fixtures/spin.ts', 'spin', '--fuel-per-bar', '200000');
    expect(spin.code).toBe(4);
    expect(spin.err).toBe(`${head}FUEL_EXHAUSTED: fuel exhausted in function 17 (guest-sdk/abi/on_bar) at byte offset 4136 (near test/fixtures/spin.ts:8:5) after 209301 instructions: the per-callback budget of 200000 instructions is spent, in on_bar of bar 0 (2004-08-19T00:00:00Z, symbol 0 GOOG)`);
  });

  it('a prebuilt .wasm uses the map beside it only when its .build.json binds both', async () => {
    const map = await readFile(`${wasm}.map`, 'utf8');
    const info = JSON.parse(await readFile(path.join(work, 'fault.build.json'), 'utf8'));
    expect(info.sourceMap).toEqual({ path: 'fault.wasm.map', sha256: sha256(map) });
    const located = '(test/fixtures/fault.ts:16:26) after 17397 instructions, in on_bar of bar 49 (2004-10-28T00:00:00Z, symbol 0 GOOG)';
    const bare = 'at byte offset 4480 after 17397 instructions, in on_bar of bar 49 (2004-10-28T00:00:00Z, symbol 0 GOOG)';
    const run = () => backtest(wasm, `w${Math.random().toString(36).slice(2)}`, '--param', 'fault=3');
    expect((await run()).err).toContain(`at byte offset 4480 ${located}`);
    // A map that is not the one bound (here: one more space) is not used: byte offsets only.
    await writeFile(`${wasm}.map`, `${map} `);
    expect((await run()).err).toContain(bare);
    await writeFile(`${wasm}.map`, map);
    expect((await run()).err).toContain(located);
    await rm(path.join(work, 'fault.build.json'));
    expect((await run()).err).toContain(bare);
  });
});

describe('trace and diff name source positions next to byte offsets', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-source-map-runs-'));
    for (const [out, at] of [['a', '49'], ['b', '50']]) {
      // Trace format 4, whose roots and stream positions are pinned below (format 6's: test/golden/trace-v6.test.ts).
      const r = await cli('backtest', '--quiet', '--strategy', 'test/fixtures/fault.ts', '--data', 'data/GOOG.csv', '--unsigned', '--no-report',
        '--out', path.join(work, out!), '--param', 'fault=0', '--param', `at=${at}`, '--trace-format', '4');
      expect(r.code).toBe(0);
    }
  });

  it('trace: each instruction with its position (near: compiler-made code after it)', async () => {
    const r = await cli('trace', path.join(work, 'a'), '--from', '17384', '--count', '4');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '     17384  f19 guest-sdk/abi/on_bar  @4423 near test/fixtures/fault.ts:15:9  i32.load         h=1  addr=36388',
      '     17385  f19 guest-sdk/abi/on_bar  @4426 test/fixtures/fault.ts:15:23  i32.const        h=1',
      '     17386  f19 guest-sdk/abi/on_bar  @4428 test/fixtures/fault.ts:15:9  i32.eq           h=2',
      '     17387  f19 guest-sdk/abi/on_bar  @4429 test/fixtures/fault.ts:15:5  if               h=1',
      '(4 of 405536 instructions; trace root d1b4a258655c29d18f9bc0b0e164955b5de4b657e8888e71c6883735afe7358a matches the record)',
    ]);
    const json = await cli('trace', path.join(work, 'a'), '--from', '17385', '--count', '1', '--json');
    expect(JSON.parse(json.out).records.map((x: { offset: number; source: string }) => [x.offset, x.source])).toEqual([[4426, 'test/fixtures/fault.ts:15:23']]);
  });

  it('diff: the first differing instruction, on both sides, with its position', async () => {
    const r = await cli('diff', path.join(work, 'a'), path.join(work, 'b'));
    expect(r.code).toBe(5);
    expect(r.out.split('\n')).toEqual([
      'DIFFERENT',
      'first differing leaf 0 (of 5 and 5), trace byte 10996, instruction 17372',
      '  A         on_bar of bar 2004-10-28T00:00:00Z (event 49, GOOG): f19 guest-sdk/abi/on_bar @4335 (near test/fixtures/fault.ts:13:9) global.get h=0',
      '  B         on_bar of bar 2004-10-28T00:00:00Z (event 49, GOOG): f19 guest-sdk/abi/on_bar @4483 (near test/fixtures/fault.ts:16:26) global.get h=0',
    ]);
  });

  it('without a map that belongs to the recorded module: byte offsets, and a note why', async () => {
    const c = path.join(work, 'a');
    const entry = path.join(c, 'sources', 'test', 'fixtures', 'fault.ts');
    const text = await readFile(entry, 'utf8');
    await writeFile(entry, text.replace('seen: i32 = 0;', 'seen: i32 = 1;'));
    try {
      const r = await cli('trace', c, '--from', '17385', '--count', '1');
      expect(r.out.split('\n')).toEqual([
        '     17385  f19 guest-sdk/abi/on_bar  @4426  i32.const        h=1',
        '(1 of 405536 instructions; trace root d1b4a258655c29d18f9bc0b0e164955b5de4b657e8888e71c6883735afe7358a matches the record; no source positions: the module rebuilt from sources/ is not the recorded one)',
      ]);
    } finally {
      await writeFile(entry, text);
    }
  });
});

// check-determinism on every example strategy (strategies-as/, each .ts and each prebuilt .wasm), as CI
// runs it: once each (--runs 1), on this thread, a guest thread, the data streamed, 1 KiB leaves, the trace off, and one
// child process whose environment rotates over the examples (process, tz, locale, c-locale, no-cache),
// so every variant runs on some example within the file's budget (test/check/determinism.test.ts runs
// them all on sma-cross; docs/DETERMINISM.md). pairs trades two symbols: ORCL and GOOG.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { checkDeterminism } from '../../host/check/index.ts';
import { DEFAULT_CONFIG } from '../../host/index.ts';

const DATA: Record<string, string[]> = { pairs: ['test/data/orcl-1995-2014.txt', 'data/GOOG.csv'] };
const PROCESS_VARIANTS = ['process', 'tz', 'locale', 'c-locale', 'no-cache'];
const EXAMPLES = readdirSync('strategies-as').filter((f) => f.endsWith('.ts') || f.endsWith('.wasm')).sort();

describe('check-determinism on every example', () => {
  it('finds the examples (a new one is checked without editing this file)', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['sma-cross.ts', 'ema-cross.ts', 'rsi-reversion.ts', 'bollinger-breakout.ts', 'bollinger-breakout.wasm', 'donchian-turtle.ts', 'pairs.ts']));
  });

  for (const [i, file] of EXAMPLES.entries()) {
    const name = file.replace(/\.(ts|wasm)$/, '');
    const variants = ['worker', PROCESS_VARIANTS[i % PROCESS_VARIANTS.length]!, 'streamed', 'leaf-1k', 'trace-off'];
    it(`${file}: identical (main, ${variants.join(', ')})`, async () => {
      const r = await checkDeterminism({ strategy: `strategies-as/${file}`, data: DATA[name] ?? ['data/GOOG.csv'], config: DEFAULT_CONFIG, runs: 1, variants });
      expect([r.identical, r.first, r.notes]).toEqual([true, null, []]);
      expect(r.runs.map((v) => v.label)).toEqual(['main', ...variants]);
      expect(r.runs.every((v) => v.summary!.resultSha256 === r.runs[0]!.summary!.resultSha256 && v.summary!.instructions > 0n)).toBe(true);
    });
  }
});

// check-determinism on every example strategy (strategies-as/, each .ts, and one built to a .wasm here), as CI
// runs it: once each (--runs 1), on this thread, a guest thread, the data streamed, 1 KiB leaves, the trace off, and one
// child process whose environment rotates over the examples (process, tz, locale, c-locale, no-cache),
// so every variant runs on some example within the file's budget (test/check/determinism.test.ts runs
// them all on sma-cross; docs/DETERMINISM.md). pairs trades two symbols: ORCL and GOOG.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStrategy } from '../../host/build/asc.ts';
import { checkDeterminism } from '../../host/check/index.ts';
import { DEFAULT_CONFIG } from '../../host/index.ts';

const DATA: Record<string, string[]> = { pairs: ['test/data/orcl-1995-2014.txt', 'data/GOOG.csv'] };
const PROCESS_VARIANTS = ['process', 'tz', 'locale', 'c-locale', 'no-cache'];
// The sources in the repository (a clone has no built .wasm: strategies-as/*.wasm is ignored), and one module built here.
const EXAMPLES = [...readdirSync('strategies-as').filter((f) => f.endsWith('.ts')).sort(), 'bollinger-breakout.wasm'];
const builtDir = mkdtempSync(path.join(tmpdir(), 'backproof-check-examples-'));
const strategyPath = async (file: string): Promise<string> => {
  if (!file.endsWith('.wasm')) return `strategies-as/${file}`;
  const out = path.join(builtDir, file);
  writeFileSync(out, (await buildStrategy(`strategies-as/${file.replace(/\.wasm$/, '.ts')}`)).wasm);
  return out;
};

describe('check-determinism on every example', () => {
  it('finds the examples (a new one is checked without editing this file)', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['sma-cross.ts', 'ema-cross.ts', 'rsi-reversion.ts', 'bollinger-breakout.ts', 'bollinger-breakout.wasm', 'donchian-turtle.ts', 'pairs.ts']));
  });

  for (const [i, file] of EXAMPLES.entries()) {
    const name = file.replace(/\.(ts|wasm)$/, '');
    const variants = ['worker', PROCESS_VARIANTS[i % PROCESS_VARIANTS.length]!, 'streamed', 'leaf-1k', 'trace-off'];
    it(`${file}: identical (main, ${variants.join(', ')})`, async () => {
      const r = await checkDeterminism({ strategy: await strategyPath(file), data: DATA[name] ?? ['data/GOOG.csv'], config: DEFAULT_CONFIG, runs: 1, variants });
      expect([r.identical, r.first, r.notes]).toEqual([true, null, []]);
      expect(r.runs.map((v) => v.label)).toEqual(['main', ...variants]);
      expect(r.runs.every((v) => v.summary!.resultSha256 === r.runs[0]!.summary!.resultSha256 && v.summary!.instructions > 0n)).toBe(true);
    });
  }
});

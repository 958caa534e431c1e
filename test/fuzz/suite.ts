// Each property as a vitest test under the fixed CI seed and budget, and each saved failing case
// (test/fuzz/regressions) replayed alone through its seed and path.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CI_SEED, type FuzzProperty } from './property.ts';
import { regressionsOf } from './regressions.ts';

/** `ran(name)` is called after a property's fixed-seed run passed (before its saved cases are replayed). */
export function fuzzSuite(properties: readonly FuzzProperty[], ran: (name: string) => void = () => {}, timeout = 120_000): void {
  for (const p of properties)
    describe(p.name, () => {
      it(`${p.invariant} (${p.runs} cases, seed ${CI_SEED})`, async () => {
        await fc.assert(p.property(), { seed: CI_SEED, numRuns: p.runs });
        ran(p.name);
      }, timeout);
      for (const { file, regression } of regressionsOf(p.name))
        it(`saved case ${file} (${regression.error})`, async () => {
          // A hang (scripts/fuzz.ts) has no path: the property runs from its seed, for the CI budget.
          const replay = regression.path ? { path: regression.path, endOnFailure: true } : { numRuns: p.runs };
          await fc.assert(p.property(), { seed: regression.seed, ...replay });
        }, timeout);
    });
}

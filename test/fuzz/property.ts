// What a fuzzed property is, shared by the fixed-budget tests (test/fuzz/*.test.ts) and the long
// runs of scripts/fuzz.ts: a name (the regression files' prefix), a fresh fast-check property, and
// the number of cases the CI budget gives it.
import type fc from 'fast-check';

export interface FuzzProperty {
  /** Unique, kebab-case: `npm run fuzz -- --only NAME` and test/fuzz/regressions/NAME-*.json. */
  readonly name: string;
  /** One line: the invariant checked. */
  readonly invariant: string;
  /** A fresh property (sync or async); its predicate throws (node:assert) when the invariant breaks. */
  property(): fc.IRawProperty<unknown[]>;
  /** Cases run under the fixed seed in CI (test/fuzz/*.test.ts). */
  readonly runs: number;
}

/** The seed the CI tests run under: fixed, so a CI failure is reproduced by running the test again. */
export const CI_SEED = 20261130;

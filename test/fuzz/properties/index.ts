// Every fuzzed property, in the order `npm run fuzz` runs them.
import fc from 'fast-check';
import { engineProperties } from './engine.ts';
import { instrumentProperties } from './instrument.ts';
import { loaderProperties } from './loaders.ts';
import type { FuzzProperty } from '../property.ts';

/**
 * Two properties that fail on purpose, for the test of scripts/fuzz.ts (test/fuzz/script.test.ts) alone, listed
 * only under BACKPROOF_FUZZ_SELF_TEST=1: one fails (and shrinks to 1001), one never returns once n > 5.
 */
const SELF_TEST: FuzzProperty[] = [
  { name: 'self-test-fails', invariant: 'n <= 1000 (fails on purpose)', runs: 0, property: () => fc.property(fc.nat(), (n) => void (n > 1000 && (() => { throw new Error(`${n} > 1000`); })())) },
  { name: 'self-test-hangs', invariant: 'returns (hangs on purpose once n > 5)', runs: 0, property: () => fc.property(fc.nat(), (n) => { while (n > 5); }) },
];

export const PROPERTIES: readonly FuzzProperty[] = [
  ...engineProperties, ...instrumentProperties, ...loaderProperties, ...(process.env.BACKPROOF_FUZZ_SELF_TEST === '1' ? SELF_TEST : []),
];

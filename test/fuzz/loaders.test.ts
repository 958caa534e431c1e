// Every data loader on random and mutated bytes (test/fuzz/properties/loaders.ts, docs/FUZZING.md).
import { describe, expect, it } from 'vitest';
import { loaderProperties, loaderTally } from './properties/loaders.ts';
import { fuzzSuite } from './suite.ts';

let reached: { cases: number; bars: number; errors: Record<string, number> } | undefined;
fuzzSuite(loaderProperties, (name) => name === 'loaders-csv-mutated' && (reached = { cases: loaderTally.cases, bars: loaderTally.bars, errors: Object.fromEntries([...loaderTally.errors].sort()) }));

describe('what the loader fuzzing reaches', () => {
  it('the fixed-seed mutated CSVs give bars and every kind of DataError, exact', () => {
    expect(reached).toEqual({ cases: 400, bars: 175, errors: { DATA_EMPTY: 1, DATA_LIMIT: 11, DATA_MALFORMED: 175, DATA_ORDER: 38 } });
  });
});

// Every data loader on random and mutated bytes (test/fuzz/properties/loaders.ts, docs/FUZZING.md).
import { describe, expect, it } from 'vitest';
import { loaderProperties, loaderTally } from './properties/loaders.ts';
import { fuzzSuite } from './suite.ts';

// What each property's fixed-seed cases reached, taken as it passed (before its saved cases are replayed).
const reached: Record<string, unknown> = {};
fuzzSuite(loaderProperties, (name) => (reached[name] = structuredClone(loaderTally.get(name))));

describe('what the loader fuzzing reaches', () => {
  it('the fixed-seed cases give bars and every kind of DataError, exact', () => {
    expect(reached).toEqual({
      'loaders-csv-mutated': { cases: 400, bars: 175, errors: { DATA_EMPTY: 1, DATA_LIMIT: 11, DATA_MALFORMED: 175, DATA_ORDER: 38 } },
      // Random bytes never make a CSV: what they test is the errors.
      'loaders-csv-random': { cases: 300, bars: 0, errors: { DATA_EMPTY: 31, DATA_MALFORMED: 269 } },
      'loaders-lean-mutated': { cases: 400, bars: 130, errors: { DATA_LIMIT: 12, DATA_MALFORMED: 250, DATA_ORDER: 8 } },
      'loaders-column-cache': { cases: 100, bars: 100, errors: {} },
    });
  });
});

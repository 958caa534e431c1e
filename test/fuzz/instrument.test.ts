// The instrumenter on generated modules (test/fuzz/properties/instrument.ts, docs/FUZZING.md).
import { describe, expect, it } from 'vitest';
import { instrumentProperties, instrumentTally } from './properties/instrument.ts';
import { fuzzSuite } from './suite.ts';

let reached: typeof instrumentTally | undefined;
fuzzSuite(instrumentProperties, (name) => name === 'instrument-current' && (reached = { ...instrumentTally }));

describe('what the instrumenter fuzzing reaches', () => {
  it('the fixed-seed programs trap, run loops and are stopped by fuel: calls, traps, instructions and stops, exact', () => {
    expect(reached).toEqual({ programs: 200, calls: 495, traps: 255, instructions: 62_101n, stoppedByFuel: 135 });
  });
});

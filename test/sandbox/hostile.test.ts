// The hostile strategies (test/fixtures) under every runtime of the seam (test/helpers/runtimes EVERY_RUNTIME):
// each is stopped with the same error — code and whole message, site included — as under the in-process v8
// runtime, whose codes are pinned here (wasi: an error raised inside a host call names no function or offset,
// docs/ISOLATION-WASI.md; a trap, the whole message).
import { beforeAll, describe, expect, it } from 'vitest';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData, type RunConfig } from '../../host/index.ts';
import { EVERY_RUNTIME, locatesHostCallFaults } from '../helpers/runtimes.ts';

let goog: LoadedData;
beforeAll(async () => {
  goog = { ...(await loadData('data/GOOG.csv')) } as LoadedData;
});

/** fixture, config changes, the code v8 stops it with. */
const HOSTILE: [string, Partial<RunConfig>, string][] = [
  ['fault', { params: { fault: 1 } }, 'GUEST_TRAP'],
  ['out-of-range', {}, 'GUEST_ABORT'],
  ['spin', { fuelPerCallback: 200_000n }, 'FUEL_EXHAUSTED'],
  ['memory-bomb', { maxMemoryPages: 64 }, 'GUEST_TRAP'],
  ['order-flood', { maxOpenOrders: 1000 }, 'HOST_LIMIT'],
  ['log-flood', { maxLogBytes: 100_000 }, 'HOST_LIMIT'],
  ['deep-recursion', { params: { depth: 10_000 }, maxCallDepth: 600 }, 'STACK_EXHAUSTED'],
];

const failure = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  return { code: 'NONE', message: '' };
};

describe('hostile strategies stop the same way under every runtime', () => {
  for (const [name, over, code] of HOSTILE) {
    it(`${name}: ${code}`, async () => {
      const strategy = await loadStrategy(`test/fixtures/${name}.ts`);
      const config: RunConfig = { ...DEFAULT_CONFIG, ...over, params: { ...DEFAULT_CONFIG.params, ...over.params } };
      const v8 = failure(() => executeRun({ strategy, data: goog, config }));
      expect(v8.code, v8.message).toBe(code);
      for (const runtime of EVERY_RUNTIME) {
        const got = failure(() => executeRun({ strategy, data: goog, config, isolation: runtime.isolation }));
        // (wasi: the same code; the whole message too but where a host call's site has to be located in the guest)
        if (locatesHostCallFaults(runtime) || code === 'FUEL_EXHAUSTED' || code === 'GUEST_TRAP') expect([runtime.isolation, got]).toEqual([runtime.isolation, v8]);
        else expect([runtime.isolation, got.code]).toEqual([runtime.isolation, v8.code]);
      }
    });
  }
});

// Every runtime the sandbox suites run over (host/sandbox/runtimes: the seam), and how the suites that
// generate hundreds of modules run under the isolating ones: every case under v8, a fixed sample under
// wasi and process (each case a new Wasmer process or child process), all of them with
// BACKPROOF_SUITE_ALL_RUNTIMES=1 (docs/RUNTIMES.md, "Which suites run over which runtime").
import { afterEach } from 'vitest';
import { runtimeFor, v8Runtime, ISOLATIONS, type GuestRuntime, type GuestSession } from '../../host/sandbox/index.ts';

/** The runtimes test/run/isolation's record-identity checks run over (the examples under each: wasi.test, process.test). */
export const RUNTIMES: readonly GuestRuntime[] = [
  v8Runtime,
];

/**
 * Every runtime this build has, v8 (the reference) first: the hostile strategies run under each, and the
 * conformance, stop and red-team suites (test/sandbox/conformance, stops, v7-redteam, v8-redteam) too,
 * every case under v8 and a sample of them (`casesOf`) under the others. A new runtime is here at once.
 */
export const EVERY_RUNTIME: readonly GuestRuntime[] = ISOLATIONS.map((i) => runtimeFor(i));

/** BACKPROOF_SUITE_ALL_RUNTIMES=1: the conformance, stop and red-team suites run every case under every runtime. */
export const ALL_CASES_EVERYWHERE = process.env.BACKPROOF_SUITE_ALL_RUNTIMES === '1';

/** The cases of one loop of a suite that run under a runtime (`casesOf`). */
export interface Cases {
  /** Every case runs. */
  readonly all: boolean;
  /** How many run. */
  readonly size: number;
  /** Whether case `i` (0-based) runs. */
  has(i: number): boolean;
  /** For a test's name: '' when every case runs, else " (a sample of <size> under <runtime>)". */
  readonly label: string;
}

/**
 * Which of a loop's `n` cases a suite runs under `runtime`: all of them under v8 and with
 * BACKPROOF_SUITE_ALL_RUNTIMES=1; else `size` of them at a fixed stride (case offset + ⌊k·n/size⌋
 * mod n, k = 0…size−1), plus the cases `always` names (a class of case the stride could miss).
 * `offset` lets loops sampled alike (one per trace format) run different cases.
 */
export function casesOf(runtime: GuestRuntime, n: number, size: number, options: { offset?: number; always?: readonly number[] } = {}): Cases {
  const { offset = 0, always = [] } = options;
  if (runtime.isolation === 'v8' || ALL_CASES_EVERYWHERE || size >= n) return { all: true, size: n, has: () => true, label: '' };
  const chosen = new Set<number>(always);
  for (let k = 0; k < size; k++) chosen.add((offset + Math.floor((k * n) / size)) % n);
  return { all: false, size: chosen.size, has: (i) => chosen.has(i), label: ` (a sample of ${chosen.size} under ${runtime.isolation})` };
}

/**
 * `runtime` for a suite whose tests open sessions and do not close them all: every session opened in a
 * test is closed after it (afterEach), so a Wasmer thread or a child process lives no longer than
 * its test. Call inside the describe whose tests use it.
 */
export function closedAfterEach(runtime: GuestRuntime): GuestRuntime {
  const opened: GuestSession[] = [];
  afterEach(() => {
    for (const session of opened.splice(0)) session.close?.();
  });
  return {
    isolation: runtime.isolation,
    open: (guest, host, config) => {
      const session = runtime.open(guest, host, config);
      opened.push(session);
      return session;
    },
  };
}

/**
 * Whether an error raised inside a host call (a host limit, an abort) under `runtime` names the guest's
 * call site as v8's does. Under wasi the sandboxed guest's stack is not the host's: the code, callback,
 * bar and count are v8's, the function, offset and source line are not (docs/ISOLATION-WASI.md). A trap
 * is located under every runtime (under wasi the sandboxed process reports it before it ends).
 */
export const locatesHostCallFaults = (runtime: GuestRuntime): boolean => runtime.isolation !== 'wasi';

/**
 * Whether `runtime` runs modules at V8's limits as v8 does. Under wasi two kinds are refused when the
 * session opens, each with a typed error (docs/ISOLATION-WASI.md, "Limits"): a 4 GiB memory (65,536
 * pages: Wasmer's WASI reads and writes fail on it, the driver exits with status 3 before its first
 * frame), and more exported globals than one frame carries (a module near V8's 1,000,000 exports).
 * A function near V8's 50,000 locals runs (the linked module holds the instrumented code itself).
 */
export const runsAtV8Limits = (runtime: GuestRuntime): boolean => runtime.isolation !== 'wasi';

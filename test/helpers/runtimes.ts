// Every runtime the sandbox suites run over (host/sandbox/runtimes: the seam). A new runtime is one line
// here: the conformance, hostile, stop and record-identity suites then run it as they run v8.
import { runtimeFor, v8Runtime, ISOLATIONS, type GuestRuntime } from '../../host/sandbox/index.ts';

export const RUNTIMES: readonly GuestRuntime[] = [
  v8Runtime,
];

/**
 * Every runtime this build has, for the suites cheap enough to run under all of them (the hostile
 * strategies, the examples' record identity). The conformance and red-team suites above generate
 * hundreds of modules, each a new child process or Wasmer sandbox under those runtimes (~0.3-1 s to
 * set up): they run over RUNTIMES.
 */
export const EVERY_RUNTIME: readonly GuestRuntime[] = ISOLATIONS.map((i) => runtimeFor(i));

/**
 * Whether a fault under `runtime` names its site as v8's does. Under wasi a trap ends the sandboxed
 * process, and an error raised inside a host call cannot locate the guest's call: the code, callback
 * and bar are v8's, the function, offset and source line are not (docs/ISOLATION-WASI.md).
 */
export const locatesFaults = (runtime: GuestRuntime): boolean => runtime.isolation !== 'wasi';

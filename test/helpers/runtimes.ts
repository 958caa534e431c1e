// Every runtime the sandbox suites run over (host/sandbox/runtimes: the seam). A new runtime is one line
// here: the conformance, hostile, stop and record-identity suites then run it as they run v8.
import { v8Runtime, type GuestRuntime } from '../../host/sandbox/index.ts';

export const RUNTIMES: readonly GuestRuntime[] = [
  v8Runtime,
];

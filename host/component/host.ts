/**
 * @module component/host
 * The world's imports (guest-sdk/strategy.wit) for a transpiled component (jco `transpile`,
 * instantiation "async"), implemented by a GuestHost: the same host functions the sandbox binds to
 * the core module (run/guest-host), under their WIT names in jco's camelCase. For checking a
 * component against the core module, never a run's path: jco's glue costs 13-64 µs a call against
 * ~0.1 µs for a core call (docs/WIT.md).
 */
import { SandboxError } from '../errors.ts';
import { numericHostCalls, type GuestHost } from '../sandbox/abi.ts';

const UTF16 = new TextDecoder('utf-16le');

/** What jco's generated `instantiate(getCoreModule, imports)` takes: interface name (unversioned) → functions. */
export type ComponentImports = Record<string, Record<string, (...args: never[]) => unknown>>;

/** The imports of the world `strategy` over `host`; `seed` is the run's env.seed. */
export function componentImports(host: GuestHost, seed: number): ComponentImports {
  return {
    'backproof:strategy/host': {
      ...numericHostCalls(host),
      param: (name: Uint8Array, fallback: number) => host.param(UTF16.decode(name), fallback),
      paramInt: (name: Uint8Array, fallback: number) => host.param(UTF16.decode(name), fallback, true),
      log: (message: Uint8Array) => host.log(UTF16.decode(message)),
    },
    'backproof:strategy/env': {
      // The strings are in the component's memory, which a component does not export: their addresses only.
      abort: (message: number, file: number, line: number, column: number) => {
        throw new SandboxError('GUEST_ABORT', `the strategy aborted at line ${line}, column ${column} (message at ${message}, file name at ${file} in its memory)`);
      },
      seed: () => seed,
    },
  };
}

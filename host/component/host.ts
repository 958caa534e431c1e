/**
 * @module component/host
 * The world's imports (guest-sdk/strategy.wit) for a transpiled component (jco `transpile`,
 * instantiation "async"), implemented by a GuestHost: the same host functions the sandbox binds to
 * the core module (run/guest-host), under their WIT names in jco's camelCase. For checking a
 * component against the core module, never a run's path: jco's glue costs 13-64 µs a call against
 * ~0.1 µs for a core call (docs/WIT.md).
 */
import { SandboxError } from '../errors.ts';
import type { GuestHost } from '../sandbox/abi.ts';

const UTF16 = new TextDecoder('utf-16le');

/** What jco's generated `instantiate(getCoreModule, imports)` takes: interface name (unversioned) → functions. */
export type ComponentImports = Record<string, Record<string, (...args: never[]) => unknown>>;

/** The imports of the world `strategy` over `host`; `seed` is the run's env.seed. */
export function componentImports(host: GuestHost, seed: number): ComponentImports {
  return {
    'backproof:strategy/host': {
      position: () => host.position(),
      cash: () => host.cash(),
      equity: () => host.equity(),
      order: (kind: number, size: number) => host.order(kind, size),
      submit: (side: number, type: number, size: number, limit: number, stop: number, tif: number) => host.submit(side, type, size, limit, stop, tif),
      bracket: (side: number, size: number, limit: number, stopLoss: number, takeProfit: number, tif: number) => host.bracket(side, size, limit, stopLoss, takeProfit, tif),
      cancel: (id: number) => (host.cancel(id) ? 1 : 0),
      modify: (id: number, size: number, limit: number, stop: number) => (host.modify(id, size, limit, stop) ? 1 : 0),
      symbol: () => host.symbol(),
      symbols: () => host.symbols(),
      positionOf: (symbol: number) => host.positionOf(symbol),
      orderOn: (symbol: number, kind: number, size: number) => host.orderOn(symbol, kind, size),
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

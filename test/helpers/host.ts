// A GuestHost for tests that drive a guest without an engine.
import type { GuestHost } from '../../host/sandbox/index.ts';

export function stubHost(over: Partial<GuestHost> = {}): GuestHost {
  return {
    position: () => 0, cash: () => 1e4, equity: () => 1e4, order: () => {}, submit: () => -1, bracket: () => -1,
    cancel: () => false, modify: () => false, param: (_n, f) => f, log: () => {},
    symbol: () => 0, symbols: () => 1, positionOf: () => 0, orderOn: () => {}, ...over,
  };
}

/**
 * @module run/guest-host
 * The host side of the guest's imports, wired to a backtest's broker, the run's params and a log sink.
 */
import type { Backtest } from '../engine/backtest.ts';
import type { GuestHost } from '../sandbox/index.ts';

export function guestHostFor(backtest: Backtest, params: Record<string, number>, hooks: { param?: (name: string) => void; log?: (message: string) => void } = {}): GuestHost {
  const b = backtest.broker;
  return {
    position: () => b.position,
    cash: () => b.cash,
    equity: () => b.equity(),
    order: (kind, size) => b.submit(kind, size),
    submit: (side, type, size, limit, stop, tif) => b.place(side, type, size, limit, stop, tif),
    bracket: (side, size, limit, sl, tp, tif) => b.bracket(side, size, limit, sl, tp, tif),
    cancel: (id) => b.cancel(id),
    modify: (id, size, limit, stop) => b.modify(id, size, limit, stop),
    param: (name, fallback) => {
      hooks.param?.(name);
      return Object.hasOwn(params, name) ? params[name]! : fallback;
    },
    log: (message) => hooks.log?.(message),
  };
}

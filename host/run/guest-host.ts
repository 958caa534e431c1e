/**
 * @module run/guest-host
 * The host side of the guest's imports, wired to a backtest's broker, the run's params and a log sink.
 */
import type { Backtest } from '../engine/backtest.ts';
import type { GuestHost } from '../sandbox/index.ts';

/** Orders and positions refer to the symbol of the bar being processed unless a symbol is named. */
export function guestHostFor(backtest: Backtest, params: Record<string, number>, hooks: { param?: (name: string) => void; log?: (message: string) => void } = {}): GuestHost {
  const brokers = backtest.brokers;
  const valid = (s: number) => Number.isInteger(s) && s >= 0 && s < brokers.length;
  return {
    position: () => backtest.broker.position,
    cash: () => backtest.account.cash,
    equity: () => backtest.account.equity(),
    order: (kind, size) => backtest.broker.submit(kind, size),
    submit: (side, type, size, limit, stop, tif) => backtest.broker.place(side, type, size, limit, stop, tif),
    bracket: (side, size, limit, sl, tp, tif) => backtest.broker.bracket(side, size, limit, sl, tp, tif),
    // An id belongs to one symbol's book; try each (ids are unique across symbols).
    cancel: (id) => brokers.some((b) => b.cancel(id)),
    modify: (id, size, limit, stop) => brokers.some((b) => b.modify(id, size, limit, stop)),
    symbol: () => backtest.feed,
    symbols: () => brokers.length,
    positionOf: (s) => (valid(s) ? brokers[s]!.position : NaN),
    orderOn: (s, kind, size) => {
      if (valid(s)) brokers[s]!.submit(kind, size);
      else backtest.account.rejectedOrders++;
    },
    param: (name, fallback) => {
      hooks.param?.(name);
      return Object.hasOwn(params, name) ? params[name]! : fallback;
    },
    log: (message) => hooks.log?.(message),
  };
}

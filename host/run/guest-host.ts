/**
 * @module run/guest-host
 * The host side of the guest's imports, wired to a backtest's broker, the run's params and a log sink.
 *
 * Host work is metered like instructions (docs/TRACE.md, "Host work"): a call that places, cancels or
 * modifies an order costs HOST_CALL_FUEL plus one unit per order resting in the books it searches, a
 * log message HOST_CALL_FUEL plus one unit per byte; an order refused at once is charged like any
 * other. Open orders, order rows and log bytes are capped per run (config maxOpenOrders, maxOrders,
 * maxLogBytes); past a cap the run stops with HOST_LIMIT. Every charge and
 * count depends only on what the guest did, so it is the same in every execution of the run.
 */
import { SandboxError, UsageError } from '../errors.ts';
import type { Backtest } from '../engine/backtest.ts';
import { sideOfKind, TYPE } from '../engine/broker.ts';
import type { GuestHost } from '../sandbox/index.ts';
import type { RunConfig } from './config.ts';

/** Fuel for one order or log call on top of the work it causes (a few hundred host instructions). */
export const HOST_CALL_FUEL = 64;

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

/** Orders resting in every book of the run. Index loops here and below: an iterator is an object per call. */
export function openOrders(backtest: Backtest): number {
  const brokers = backtest.brokers;
  let n = 0;
  for (let i = 0; i < brokers.length; i++) n += brokers[i]!.openOrders;
  return n;
}

/**
 * Orders and positions refer to the symbol of the bar being processed unless a symbol is named.
 * `charge(n)` takes n units from the guest's fuel (GuestInstance.chargeFuel).
 */
export function guestHostFor(
  backtest: Backtest,
  config: Pick<RunConfig, 'params' | 'maxOpenOrders' | 'maxOrders' | 'maxLogBytes'>,
  charge: (fuel: number) => void,
  hooks: { param?: (name: string) => void; log?: (message: string) => void } = {},
): GuestHost {
  const brokers = backtest.brokers;
  const params = config.params;
  const valid = (s: number) => Number.isInteger(s) && s >= 0 && s < brokers.length;
  let logBytes = 0;
  // Placing into a book: charged by the book's size (the matching pass will check each order every bar).
  const placing = (book: number) => charge(HOST_CALL_FUEL + (valid(book) ? brokers[book]!.openOrders : 0));
  // Every placing call records at least one row (orders.csv), even a rejected one: rows are capped too.
  const recorded = () => {
    const rows = backtest.account.orders.length;
    if (rows > config.maxOrders)
      throw new SandboxError('HOST_LIMIT', `order rows: the guest placed ${rows} orders (accepted or rejected), above the limit of ${config.maxOrders} (--max-orders)`);
  };
  const placed = <T>(result: T): T => {
    recorded();
    const open = openOrders(backtest);
    if (open > config.maxOpenOrders)
      throw new SandboxError('HOST_LIMIT', `open orders: the guest has ${open} orders resting, above the limit of ${config.maxOpenOrders} (--max-open-orders)`);
    return result;
  };
  // An id is looked up in every book.
  const searching = () => charge(HOST_CALL_FUEL + openOrders(backtest));
  // The first book that has the id (cancel or modify there); false when none has.
  const cancelled = (id: number): boolean => {
    for (let i = 0; i < brokers.length; i++) if (brokers[i]!.cancel(id)) return true;
    return false;
  };
  const modified = (id: number, size: number, limit: number, stop: number): boolean => {
    for (let i = 0; i < brokers.length; i++) if (brokers[i]!.modify(id, size, limit, stop)) return true;
    return false;
  };
  return {
    position: () => backtest.broker.position,
    cash: () => backtest.account.cash,
    equity: () => backtest.account.equity(),
    order: (kind, size) => {
      placing(backtest.feed);
      placed(backtest.broker.submit(kind, size));
    },
    submit: (side, type, size, limit, stop, tif) => {
      placing(backtest.feed);
      return placed(backtest.broker.place(side, type, size, limit, stop, tif));
    },
    bracket: (side, size, limit, sl, tp, tif) => {
      placing(backtest.feed);
      return placed(backtest.broker.bracket(side, size, limit, sl, tp, tif));
    },
    // An id belongs to one symbol's book; try each (ids are unique across symbols).
    cancel: (id) => {
      searching();
      return cancelled(id);
    },
    modify: (id, size, limit, stop) => {
      searching();
      return modified(id, size, limit, stop);
    },
    symbol: () => backtest.feed,
    symbols: () => brokers.length,
    positionOf: (s) => (valid(s) ? brokers[s]!.position : NaN),
    orderOn: (s, kind, size) => {
      placing(s);
      if (valid(s)) placed(brokers[s]!.submit(kind, size));
      // A symbol that does not exist: the order still gets an id and a row (orders.csv).
      else {
        backtest.account.rejectOutright(Number.isInteger(s) && s >= 0 ? s : -1, -1, sideOfKind(kind), TYPE.market, size, 'unknown-symbol');
        recorded();
      }
    },
    param: (name, fallback, integer) => {
      hooks.param?.(name);
      if (!Object.hasOwn(params, name)) return fallback;
      const value = params[name]!;
      // The strategy reads it as an integer (its default is one): 10.5 would be truncated silently.
      if (integer && !Number.isInteger(value))
        throw new UsageError('USAGE', `--param ${name}=${value}: the strategy reads "${name}" as an integer (its default is ${fallback}); give a whole number`);
      // The SDK converts it to an i32: a value outside that range would wrap or trap in the guest.
      if (integer && (value < I32_MIN || value > I32_MAX))
        throw new UsageError('USAGE', `--param ${name}=${value}: the strategy reads "${name}" as a 32-bit integer; give a whole number in ${I32_MIN}..${I32_MAX}`);
      return value;
    },
    log: (message) => {
      // The guest passed the message as UTF-16: two bytes per code unit.
      const bytes = 2 * message.length;
      charge(HOST_CALL_FUEL + bytes);
      logBytes += bytes;
      if (logBytes > config.maxLogBytes)
        throw new SandboxError('HOST_LIMIT', `log volume: the guest logged ${logBytes} bytes, above the limit of ${config.maxLogBytes} (--max-log-bytes)`);
      hooks.log?.(message);
    },
  };
}

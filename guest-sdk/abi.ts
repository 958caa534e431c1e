// The ABI exports the host calls (docs/ABI.md). A strategy file re-exports them with
// `export * from "<sdk>/abi"`; the module's top-level code (which calls `run(...)`) becomes
// the `init` export when built with `backproof build` (asc --exportStart init).
import { Bar } from "./strategy";
import { activeStrategy } from "./runtime";
import * as env from "./env";

const bar = new Bar();

/** ABI: one completed bar. Called by the host in event-time order. */
export function on_bar(time: i64, open: f64, high: f64, low: f64, close: f64, volume: f64): void {
  bar.time = time;
  bar.open = open;
  bar.high = high;
  bar.low = low;
  bar.close = close;
  bar.volume = volume;
  bar.index++;
  bar.symbol = env.symbol();
  activeStrategy().onBar(bar);
}

/** ABI: an order event (status 1 filled, 2 cancelled, 3 rejected, 4 expired). */
export function on_order(id: i32, status: i32, price: f64, units: f64): void {
  activeStrategy().onOrder(id, status, price, units);
}

/** ABI: a closed trade. */
export function on_trade(size: f64, entryPrice: f64, exitPrice: f64, pnl: f64): void {
  activeStrategy().onTrade(size, entryPrice, exitPrice, pnl);
}

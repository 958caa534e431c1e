/**
 * @module run/wire
 * The one wiring of a guest to an engine, used by a run (run/execute) and by every re-execution
 * (inspect/reexecute): the engine over the feeds, the guest's imports bound to its brokers with the
 * host-work charges and caps (run/guest-host), the sandboxed instance, and the port the engine
 * drives — which charges the matching pass before each bar. A run and its re-execution cannot drift
 * apart because there is nothing else to drift.
 */
import type { Bars } from '../model/bars.ts';
import { isStreamed, sourceOfFeed, type DataFeed } from '../data/load.ts';
import { Backtest } from '../engine/backtest.ts';
import type { GuestPort } from '../engine/ports.ts';
import { staticMap, v8Runtime, type GuestHost, type GuestModule, type GuestRuntime, type GuestSession, type SandboxConfig } from '../sandbox/index.ts';
import type { StaticMap } from '../../traces/index.ts';
import { engineConfigFor, type RunConfig } from './config.ts';
import { guestHostFor } from './guest-host.ts';
import { checkFrames } from './stack.ts';
import type { ProgressCounter } from '../engine/progress.ts';

export interface WireInput {
  /** The module as built (uninstrumented) and as compiled for this run. */
  wasm: Uint8Array;
  guest: GuestModule;
  sandbox: SandboxConfig;
  /** Where the guest executes (sandbox/runtimes; default v8, this thread). The result does not depend on it. */
  runtime?: GuestRuntime;
  feeds: readonly DataFeed[];
  config: RunConfig;
  /** Each feed's bar period when the caller has already settled them (run/execute's feedPeriods): not inferred again. */
  periods?: readonly bigint[];
  /** Where the engine reports how far it has got (engine/progress; read by a display, never by the run). */
  progress?: ProgressCounter;
  /** Where the guest's log messages go (none: dropped, still charged and counted). */
  log?: (message: string, backtest: Backtest) => void;
  /** Sees (and may wrap) the host imports before the instance is made; `instance()` is valid once the guest runs. */
  tap?: (host: GuestHost, backtest: Backtest, instance: () => GuestSession) => void;
}

export interface Wired {
  backtest: Backtest;
  /** The guest's session under the runtime; the caller closes it (GuestSession.close) when done. */
  instance: GuestSession;
  /** What the engine drives: the instance, with the matching pass of each bar charged first. */
  port: GuestPort;
  /** Params the guest asked for (unknown --param names are a usage error). */
  requested: Set<string>;
  /** The module's static map (null when uninstrumented). */
  map: StaticMap | null;
}

/** Each compiled module's static map, its frames checked (run/stack): made once, as a sweep runs one module many times. */
const maps = new WeakMap<GuestModule, { wasm: Uint8Array; map: StaticMap }>();
function checkedMap(wasm: Uint8Array, guest: GuestModule): StaticMap | null {
  if (!guest.meta) return null;
  const known = maps.get(guest);
  if (known && (known.wasm === wasm || Buffer.from(known.wasm.buffer, known.wasm.byteOffset, known.wasm.length).equals(wasm))) return known.map;
  const map = staticMap(wasm, guest.meta);
  checkFrames(wasm, map);
  maps.set(guest, { wasm, map });
  return map;
}

export function wire(input: WireInput): Wired {
  const { feeds, config } = input;
  // Every frame must fit the guest stack (run/stack): checked before anything runs.
  const map = checkedMap(input.wasm, input.guest);
  // In-memory feeds run over their columns; streamed ones are read chunk by chunk. Same events, same result.
  // Bar periods as settled by the caller, else the declared ones (--data FILE@1d, or as recorded); the engine infers the others.
  // Symbol names break ties at an instant, so the order of the --data files does not change the fills.
  const engine = { ...engineConfigFor(config), periods: input.periods ?? feeds.map((f) => f.options.period), symbols: feeds.map((f) => f.symbol), progress: input.progress };
  const backtest = feeds.some(isStreamed)
    ? new Backtest({ sources: feeds.map(sourceOfFeed) }, engine)
    : new Backtest(feeds.map((f) => (f as { bars: Bars }).bars), engine);
  const requested = new Set<string>();
  let instance!: GuestSession;
  const charge = (fuel: number) => instance.chargeFuel(fuel);
  const log = input.log;
  const host = guestHostFor(backtest, config, charge, {
    param: (name) => requested.add(name),
    log: log ? (message) => log(message, backtest) : undefined,
  });
  host.symbolName = (index) => feeds[index]?.symbol; // fault messages name the bar's symbol
  input.tap?.(host, backtest, () => instance);
  instance = (input.runtime ?? v8Runtime).open(input.guest, host, input.sandbox);
  const brokers = backtest.brokers;
  // The engine has just checked the bar's book against the bar: each order still resting is charged
  // (one filled in that pass was charged when placed).
  const port: GuestPort = {
    onBar: (t, o, h, l, c, v) => {
      const n = brokers[backtest.feed]!.openOrders;
      if (n > 0) charge(n);
      instance.onBar(t, o, h, l, c, v);
    },
    onBarAt: (bars, words, j) => {
      const n = brokers[backtest.feed]!.openOrders;
      if (n > 0) charge(n);
      instance.onBarAt(bars, words, j);
    },
    snapshot: (bar) => instance.snapshot(bar),
  };
  if (instance.onOrder) port.onOrder = instance.onOrder;
  if (instance.onTrade) port.onTrade = instance.onTrade;
  // The engine's per-event path: the event read from its columns, no boxed doubles (sandbox/glue).
  if (instance.onOrderAt) port.onOrderAt = instance.onOrderAt;
  if (instance.onTradeAt) port.onTradeAt = instance.onTradeAt;
  return { backtest, instance, port, requested, map };
}

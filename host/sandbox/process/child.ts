/**
 * @module sandbox/process/child
 * The entry of the process runtime's child (docs/ISOLATION-PROCESS.md): started by
 * sandbox/process/spawn under Node's permission model, it reads calls on fd 0 and answers on fd 1
 * (sandbox/process/channel). The first call sets up one `GuestInstance` (sandbox/runtime: the same
 * instrumented module, fuel, memory and trace chunker as in-process) whose imports are calls back to
 * the engine; then each GuestSession call is served on it, until the engine closes the pipe. The
 * trace is hashed here, inline (a hashing worker would need --allow-worker).
 *
 * Before anything of the guest runs the network modules are made unreachable (sandbox/process/guard:
 * Node 24's permission model does not cover the network).
 */
import { GuestInstance, type GuestModule, type SandboxConfig } from '../runtime.ts';
import type { GuestHost } from '../abi.ts';
import { timeWords } from '../../model/bars.ts';
import type { OrderEvents } from '../../model/order.ts';
import type { TradeLog } from '../../model/trade.ts';
import { Channel, Structured, type Handler, type Value } from './channel.ts';
import { errorData, errorOf, TO_CHILD, TO_ENGINE } from './protocol.ts';
import { guardNetwork } from './guard.ts';
import { siblingModule } from '../../paths.ts';

/** What the engine sends first: the compiled guest without its WebAssembly.Module (compiled again here) and functions. */
export interface ChildSetup {
  guest: Omit<GuestModule, 'module' | 'locate'> & { locates: boolean };
  config: Omit<SandboxConfig, 'onTrace'> & { traced: boolean };
}

/** Test hooks (ProcessRuntimeOptions.testHooks): `--test-hooks=<JSON ProbeRequest>`. */
const hooksArg = process.argv.find((a) => a.startsWith('--test-hooks='));
// The probe is loaded before the guard, so it holds the network modules the guard then hides: it
// shows what the OS-level layer (the network namespace) refuses on its own.
const probe: typeof import('./probe.ts') | null = hooksArg ? await import(siblingModule('probe', import.meta.url).href) : null;
guardNetwork();
const probed = probe ? await probe.probeDenials(JSON.parse(hooksArg!.slice('--test-hooks='.length))) : null;

let instance: GuestInstance | null = null;
const guest = (): GuestInstance => {
  if (!instance) throw new Error('process runtime: a call before setup');
  return instance;
};

const handlers: Handler[] = [];
const channel = new Channel(0, 1, handlers, { decodeError: errorOf, encodeError: (e) => errorData(e) });
const call = channel.call.bind(channel);
const E = TO_ENGINE;

/** The guest's imports, each a call to the engine (sandbox/process/runtime serves them on the run's GuestHost). */
const host: GuestHost = {
  position: () => call(E.position) as number,
  cash: () => call(E.cash) as number,
  equity: () => call(E.equity) as number,
  order: (kind, size) => void call(E.order, kind, size),
  submit: (side, type, size, limit, stop, tif) => call(E.submit, side, type, size, limit, stop, tif) as number,
  bracket: (side, size, limit, sl, tp, tif) => call(E.bracket, side, size, limit, sl, tp, tif) as number,
  cancel: (id) => call(E.cancel, id) as boolean,
  modify: (id, size, limit, stop) => call(E.modify, id, size, limit, stop) as boolean,
  symbol: () => call(E.symbol) as number,
  symbols: () => call(E.symbols) as number,
  symbolName: (index) => (call(E.symbolName, index) as string | null) ?? undefined,
  positionOf: (s) => call(E.positionOf, s) as number,
  orderOn: (s, kind, size) => void call(E.orderOn, s, kind, size),
  param: (name, fallback, integer) => call(E.param, name, fallback, integer === true) as number,
  log: (message) => void call(E.log, message),
};

const C = TO_CHILD;
handlers[C.setup] = ([setup]) => {
  const { guest: g, config: c } = (setup as Structured).value as ChildSetup;
  const module = new WebAssembly.Module(g.wasm as BufferSource);
  const compiled: GuestModule = { ...g, module, locate: g.locates ? (offset) => call(E.locate, offset) as string | null : null };
  const config: SandboxConfig = { ...c, hashing: 'inline', onTrace: c.traced ? (bytes) => void call(E.trace, bytes) : undefined };
  instance = new GuestInstance(compiled, host, config);
  return undefined;
};
handlers[C.init] = () => guest().init();
handlers[C.onBar] = ([t, o, h, l, c, v]) => guest().onBar(t as bigint, o as number, h as number, l as number, c as number, v as number);
// The engine's per-bar path, taken here too (GuestInstance.onBarAt over a one-bar column set): the same call as in-process.
const one = { length: 1, time: new BigInt64Array(1), open: new Float64Array(1), high: new Float64Array(1), low: new Float64Array(1), close: new Float64Array(1), volume: new Float64Array(1) };
const oneWords = timeWords(one.time);
handlers[C.onBarAt] = ([t, o, h, l, c, v]) => {
  one.time[0] = t as bigint;
  one.open[0] = o as number;
  one.high[0] = h as number;
  one.low[0] = l as number;
  one.close[0] = c as number;
  one.volume[0] = v as number;
  guest().onBarAt(one, oneWords, 0);
};
handlers[C.onOrder] = ([a, b, c, d]) => guest().onOrder!(a as number, b as number, c as number, d as number);
handlers[C.onTrade] = ([a, b, c, d]) => guest().onTrade!(a as number, b as number, c as number, d as number);
// And the per-event paths (GuestInstance.onOrderAt, onTradeAt: through the glue) over one-row columns.
handlers[C.onOrderAt] = ([id, status, price, units]) => guest().onOrderAt!({ id: [id], status: [status], price: [price], units: [units] } as unknown as OrderEvents, 0);
handlers[C.onTradeAt] = ([size, entry, exit, pnl]) => guest().onTradeAt!({ size: [size], entryPrice: [entry], exitPrice: [exit], pnl: [pnl] } as unknown as TradeLog, 0);
handlers[C.snapshot] = ([bar]) => guest().snapshot(bar as number);
handlers[C.chargeFuel] = ([units]) => guest().chargeFuel(units as number);
handlers[C.fuelUsed] = () => guest().fuelUsed();
handlers[C.instructions] = () => guest().instructions();
handlers[C.finish] = () => new Structured(guest().finish());
handlers[C.memoryBytes] = () => guest().memoryBytes();
handlers[C.stackTraceLimit] = ([limit]) => {
  Error.stackTraceLimit = limit as number;
};
if (probe) {
  handlers[C.probe] = () => new Structured(probed);
  handlers[C.hang] = () => {
    // A child that stops answering (the watchdog test): blocked for good, as a wedged process would be.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
}

channel.serveUntilClosed();
channel.close();

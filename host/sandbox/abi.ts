/**
 * @module sandbox/abi
 * The guest ABI (docs/ABI.md): the imports a strategy may use, with their exact signatures, and
 * the exports the host calls. Any other import is rejected before instantiation.
 */
import { ORDER_BUY, ORDER_CLOSE, ORDER_SELL } from '../../guest-sdk/constants.ts';

export const I32 = 0x7f, I64 = 0x7e, F64 = 0x7c;

export interface ImportSpec {
  params: number[];
  results: number[];
}

/** module → field → signature. The SDK's env.ts declares exactly the `backproof` ones. */
export const ALLOWED_IMPORTS: Record<string, Record<string, ImportSpec>> = {
  backproof: {
    position: { params: [], results: [F64] },
    cash: { params: [], results: [F64] },
    equity: { params: [], results: [F64] },
    order: { params: [I32, F64], results: [] },
    submit: { params: [I32, I32, F64, F64, F64, I32], results: [I32] },
    bracket: { params: [I32, F64, F64, F64, F64, I32], results: [I32] },
    cancel: { params: [I32], results: [I32] },
    modify: { params: [I32, F64, F64, F64], results: [I32] },
    symbol: { params: [], results: [I32] },
    symbols: { params: [], results: [I32] },
    position_of: { params: [I32], results: [F64] },
    order_on: { params: [I32, I32, F64], results: [] },
    param: { params: [I32, I32, F64], results: [F64] },
    param_int: { params: [I32, I32, F64], results: [F64] },
    log: { params: [I32, I32], results: [] },
  },
  env: {
    // AssemblyScript's runtime: assertion failures and Math.random's seed (a fixed, recorded value).
    abort: { params: [I32, I32, I32, I32], results: [] },
    seed: { params: [], results: [F64] },
  },
};

/** Exports the host calls. `init` may also come from the module's start function. */
export const EXPORT_ON_BAR = 'on_bar';
export const EXPORT_INIT = 'init';
export const EXPORT_MEMORY = 'memory';
export const ON_BAR_SIGNATURE: ImportSpec = { params: [I64, F64, F64, F64, F64, F64], results: [] };
/** Optional exports: order events and closed trades. */
export const EXPORT_ON_ORDER = 'on_order';
export const ON_ORDER_SIGNATURE: ImportSpec = { params: [I32, I32, F64, F64], results: [] };
export const EXPORT_ON_TRADE = 'on_trade';
export const ON_TRADE_SIGNATURE: ImportSpec = { params: [F64, F64, F64, F64], results: [] };

/** Order kinds passed to `backproof.order`. */
export const ORDER_KIND = { buy: ORDER_BUY, sell: ORDER_SELL, close: ORDER_CLOSE } as const;

/** What the guest's imports call on the host side. Implemented by the run's composition root. */
export interface GuestHost {
  position(): number;
  cash(): number;
  equity(): number;
  order(kind: number, size: number): void;
  submit(side: number, type: number, size: number, limit: number, stop: number, tif: number): number;
  bracket(side: number, size: number, limit: number, stopLoss: number, takeProfit: number, tif: number): number;
  cancel(id: number): boolean;
  modify(id: number, size: number, limit: number, stop: number): boolean;
  /** Index of the current bar's symbol, and how many symbols the run has. */
  symbol(): number;
  symbols(): number;
  /** The name of symbol `index` (its --data name), for fault messages only; the guest never sees it. */
  symbolName?(index: number): string | undefined;
  positionOf(symbol: number): number;
  orderOn(symbol: number, kind: number, size: number): void;
  /** `integer`: read through param_int (the SDK's param with an integer default). */
  param(name: string, fallback: number, integer?: boolean): number;
  log(message: string): void;
}

/**
 * The host calls that take and give numbers only, bound to `host` as a guest's imports call them (a
 * boolean as 1/0), under their GuestHost names: the core module's `backproof.*` imports (sandbox/runtime,
 * which names positionOf and orderOn position_of and order_on) and a component's `backproof:strategy/host`
 * (component/host, jco's camelCase). The string-passing calls (param, param_int, log) read the string
 * where each finds it.
 */
export function numericHostCalls(host: GuestHost) {
  return {
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
  };
}

const TYPE_NAMES: Record<number, string> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x70: 'funcref', 0x6f: 'externref' };
export function signatureText(s: ImportSpec): string {
  return `(${s.params.map((t) => TYPE_NAMES[t] ?? '?').join(', ')}) -> (${s.results.map((t) => TYPE_NAMES[t] ?? '?').join(', ')})`;
}

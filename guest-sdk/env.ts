// Host imports of the Backproof guest ABI (docs/ABI.md). This is the only file that
// declares imports; the sandbox rejects any module importing something not listed here.

/** Current position in units (negative when short). */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "position")
export declare function position(): f64;

/** Cash balance in account currency. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "cash")
export declare function cash(): f64;

/** Cash + position marked at the current bar's close. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "equity")
export declare function equity(): f64;

/** Submits a market order. kind: 1 buy, 2 sell, 3 close. size: see docs/ABI.md. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "order")
export declare function order(kind: i32, size: f64): void;

/** Reads a run parameter; `name` is UTF-16LE at namePtr with byteLen bytes. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "param")
export declare function param(namePtr: usize, byteLen: i32, fallback: f64): f64;

/** Reads an integer run parameter: a non-integer value given for it stops the run with a usage error. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "param_int")
export declare function param_int(namePtr: usize, byteLen: i32, fallback: f64): f64;

/** Writes a log line (UTF-16LE), stamped by the host with the bar's timestamp and the run id. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "log")
export declare function log(ptr: usize, byteLen: i32): void;

/** Places an order: side 1 buy / 2 sell; type 0 market, 1 limit, 2 stop, 3 stop-limit, 4 trailing (amount), 5 trailing (fraction);
 *  tif 0 GTC, 1 DAY, 2 IOC, 3 FOK. For trailing orders `stop` is the trail distance. Returns the order id, or -1. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "submit")
export declare function submit(side: i32, type: i32, size: f64, limit: f64, stop: f64, tif: i32): i32;

/** Entry (market when limit is NaN) with stop-loss and take-profit orders that cancel each other. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "bracket")
export declare function bracket(side: i32, size: f64, limit: f64, stopLoss: f64, takeProfit: f64, tif: i32): i32;

/** Cancels an open order (1) or reports it was not open (0). */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "cancel")
export declare function cancel(id: i32): i32;

/** Changes an open order's size, limit or stop (NaN keeps the old value). */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "modify")
export declare function modify(id: i32, size: f64, limit: f64, stop: f64): i32;

/** Index of the current bar's symbol (the order the data files were given in), and how many there are. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "symbol")
export declare function symbol(): i32;
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "symbols")
export declare function symbols(): i32;

/** Units held in another symbol. */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "position_of")
export declare function position_of(symbol: i32): f64;

/** A simple market order on a named symbol (kind as in `order`). */
// @ts-ignore: decorator (TypeScript refuses decorators on functions; asc reads them)
@external("backproof", "order_on")
export declare function order_on(symbol: i32, kind: i32, size: f64): void;

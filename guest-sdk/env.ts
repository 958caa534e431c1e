// Host imports of the Backproof guest ABI (docs/ABI.md). This is the only file that
// declares imports; the sandbox rejects any module importing something not listed here.

/** Current position in units (negative when short). */
@external("backproof", "position")
export declare function position(): f64;

/** Cash balance in account currency. */
@external("backproof", "cash")
export declare function cash(): f64;

/** Cash + position marked at the current bar's close. */
@external("backproof", "equity")
export declare function equity(): f64;

/** Submits a market order. kind: 1 buy, 2 sell, 3 close. size: see docs/ABI.md. */
@external("backproof", "order")
export declare function order(kind: i32, size: f64): void;

/** Reads a run parameter; `name` is UTF-16LE at namePtr with byteLen bytes. */
@external("backproof", "param")
export declare function param(namePtr: usize, byteLen: i32, fallback: f64): f64;

/** Writes a log line (UTF-16LE), stamped by the host with the bar's timestamp and the run id. */
@external("backproof", "log")
export declare function log(ptr: usize, byteLen: i32): void;

// The ABI's numeric constants (docs/ABI.md): the one source for the guest SDK (compiled by asc)
// and the host (type-stripped by Node), so the two sides cannot disagree. It is written in the
// subset both languages read the same way — integer constants only, no types, no imports.

/** `backproof.order` kinds. */
export const ORDER_BUY = 1;
export const ORDER_SELL = 2;
export const ORDER_CLOSE = 3;

/** `backproof.submit` sides. */
export const SIDE_BUY = 1;
export const SIDE_SELL = 2;

/** `backproof.submit` order types. For the trailing types `stop` is the trail distance (an amount, or a fraction). */
export const TYPE_MARKET = 0;
export const TYPE_LIMIT = 1;
export const TYPE_STOP = 2;
export const TYPE_STOP_LIMIT = 3;
export const TYPE_TRAILING_AMOUNT = 4;
export const TYPE_TRAILING_PERCENT = 5;

/** Time in force. */
export const TIF_GTC = 0;
export const TIF_DAY = 1;
export const TIF_IOC = 2;
export const TIF_FOK = 3;

/** Order status passed to `on_order`. */
export const STATUS_FILLED = 1;
export const STATUS_CANCELLED = 2;
export const STATUS_REJECTED = 3;
export const STATUS_EXPIRED = 4;

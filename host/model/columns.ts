/**
 * @module model/columns
 * Growth of the typed columns the engine records into (model/trade TradeLog, model/order OrderLog and
 * OrderEvents): a column is replaced by a wider copy when full, so recording a row allocates nothing
 * but these occasional doublings.
 */
export type Column = Int8Array | Uint8Array | Int32Array | Float64Array | BigInt64Array;

/** A copy of `column` with room for `capacity` rows (the rows past its length are 0). */
export function widened<T extends Column>(column: T, capacity: number): T {
  const wider = new (column.constructor as new (n: number) => T)(capacity);
  wider.set(column as never);
  return wider;
}

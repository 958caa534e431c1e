/**
 * @module engine/broker
 * Owns cash, the position, pending orders and fills (docs/SEMANTICS.md):
 * - an order placed while bar i is processed fills at bar i+1's open (no look-ahead: the
 *   strategy only ever sees completed bars, and its orders only ever meet a later price);
 * - buy while short (or sell while long) first closes the position, then opens the new one;
 * - size 0 = all available equity, 0 < size < 1 = that fraction of it, size >= 1 = whole units;
 *   available equity = equity − |position| × price, and units = floor(f × available / (price × (1 + commission)));
 * - commission = |units| × price × rate, paid in cash on every fill;
 * - orders that size to zero units or cannot be paid for are rejected and counted.
 */
import type { Trade } from '../model/trade.ts';

export const ORDER_BUY = 1;
export const ORDER_SELL = 2;
export const ORDER_CLOSE = 3;

export class Broker {
  cash: number;
  position = 0;
  readonly commissionRate: number;
  readonly trades: Trade[] = [];
  commissions = 0;
  rejectedOrders = 0;
  /** Price the account is marked at: the current bar's close. */
  price = NaN;

  // The open trade, if any.
  private entryBar = -1;
  private entryTime = 0n;
  private entryPrice = 0;
  private entryCommission = 0;

  // Pending orders, as two parallel growable arrays (no per-order allocation).
  private pendingKind: number[] = [];
  private pendingSize: number[] = [];

  constructor(cash: number, commissionRate: number) {
    this.cash = cash;
    this.commissionRate = commissionRate;
  }

  equity(): number {
    return this.position === 0 ? this.cash : this.cash + this.position * this.price;
  }

  /** Called by the guest while a bar is processed. */
  submit(kind: number, size: number): void {
    if ((kind !== ORDER_BUY && kind !== ORDER_SELL && kind !== ORDER_CLOSE) || !(size >= 0) || !Number.isFinite(size)) {
      this.rejectedOrders++;
      return;
    }
    this.pendingKind.push(kind);
    this.pendingSize.push(size);
  }

  /** Fills every pending order, in submission order, at `price` (bar `bar`'s open). */
  fillPending(bar: number, time: bigint, price: number): void {
    const n = this.pendingKind.length;
    if (n === 0) return;
    for (let k = 0; k < n; k++) {
      const kind = this.pendingKind[k]!;
      const size = this.pendingSize[k]!;
      if (kind === ORDER_CLOSE) {
        if (this.position !== 0) this.closePosition(bar, time, price);
        else this.rejectedOrders++;
        continue;
      }
      const direction = kind === ORDER_BUY ? 1 : -1;
      if (this.position * direction < 0) this.closePosition(bar, time, price);
      const units = this.units(size, price);
      if (units <= 0) {
        this.rejectedOrders++;
        continue;
      }
      this.open(bar, time, price, direction * units);
    }
    this.pendingKind.length = 0;
    this.pendingSize.length = 0;
  }

  /** Orders still pending after the last bar are cancelled. */
  cancelPending(): number {
    const n = this.pendingKind.length;
    this.pendingKind.length = 0;
    this.pendingSize.length = 0;
    return n;
  }

  private units(size: number, price: number): number {
    const equity = this.cash + this.position * price;
    const available = equity - Math.abs(this.position) * price;
    const unitCost = price * (1 + this.commissionRate);
    if (size >= 1) {
      const units = Math.floor(size);
      return units * unitCost <= available ? units : 0;
    }
    const fraction = size === 0 ? 1 : size;
    return available > 0 ? Math.floor((fraction * available) / unitCost) : 0;
  }

  private open(bar: number, time: bigint, price: number, units: number): void {
    const commission = Math.abs(units) * price * this.commissionRate;
    this.cash -= units * price + commission;
    this.commissions += commission;
    if (this.position === 0) {
      this.entryBar = bar;
      this.entryTime = time;
      this.entryPrice = price;
      this.entryCommission = commission;
      this.position = units;
    } else {
      // Adding in the same direction: one trade at the size-weighted average entry price.
      const total = this.position + units;
      this.entryPrice = (this.entryPrice * this.position + price * units) / total;
      this.entryCommission += commission;
      this.position = total;
    }
  }

  private closePosition(bar: number, time: bigint, price: number): void {
    const size = this.position;
    const commission = Math.abs(size) * price * this.commissionRate;
    this.cash += size * price - commission;
    this.commissions += commission;
    const totalCommission = this.entryCommission + commission;
    const pnl = size * (price - this.entryPrice) - totalCommission;
    this.trades.push({
      entryBar: this.entryBar,
      exitBar: bar,
      entryTime: this.entryTime,
      exitTime: time,
      size,
      entryPrice: this.entryPrice,
      exitPrice: price,
      pnl,
      returnPct: (pnl / (Math.abs(size) * this.entryPrice)) * 100,
      commission: totalCommission,
    });
    this.position = 0;
  }
}

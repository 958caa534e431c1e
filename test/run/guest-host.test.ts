// The guest boundary's per-call paths (issue 11: per order <= 200 bytes allocated): host work charged
// through the glue at its exact boundary, on_order / on_trade from the engine's columns, and the host's
// cancel / modify searching every book. Allocation itself is measured by bench/alloc.ts.
import { describe, expect, it } from 'vitest';
import { wat } from '../helpers/wat.ts';
import { stubHost } from '../helpers/host.ts';
import { compileGuest, GuestInstance, DEFAULT_SANDBOX, type GuestHost } from '../../host/sandbox/index.ts';
import { Backtest } from '../../host/engine/backtest.ts';
import { TYPE } from '../../host/engine/broker.ts';
import { OrderEvents } from '../../host/model/order.ts';
import { TradeLog } from '../../host/model/trade.ts';
import { guestHostFor, HOST_CALL_FUEL, openOrders } from '../../host/run/guest-host.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import type { SandboxError } from '../../host/errors.ts';

// on_bar calls order twice: regions of 3, 3 and 1 instructions (the last is the function's end).
const TWO_ORDERS = wat(`(module
  (import "backproof" "order" (func $order (param i32 f64)))
  (memory (export "memory") 1)
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)
    (call $order (i32.const 1) (f64.const 1)) (call $order (i32.const 2) (f64.const 1))))`);

/** A guest whose every order call is charged `units` of host work; the code and message it stopped with, or null. */
function runBar(config: typeof DEFAULT_SANDBOX, units: number): { inst: GuestInstance; stop: SandboxError | null } {
  let inst!: GuestInstance;
  inst = new GuestInstance(compileGuest(TWO_ORDERS, config), stubHost({ order: () => inst.chargeFuel(units) }), config);
  try {
    inst.onBar(0n, 1, 1, 1, 1, 1);
  } catch (e) {
    return { inst, stop: e as SandboxError };
  }
  return { inst, stop: null };
}

describe('host work is charged exactly at its boundary', () => {
  const config = { ...DEFAULT_SANDBOX, mode: 'fuel' as const, fuel: 1n << 40n };

  it('a charge that leaves the fuel at 0 passes; one more unit stops the run and takes nothing', () => {
    const inst = new GuestInstance(compileGuest(TWO_ORDERS, config), stubHost(), { ...config, fuel: 1000n });
    inst.chargeFuel(600);
    inst.chargeFuel(400);
    inst.chargeFuel(0);
    expect([inst.fuelUsed(), inst.instructions()]).toEqual([1000n, 0n]);
    expect(() => inst.chargeFuel(1)).toThrow(expect.objectContaining({
      code: 'FUEL_EXHAUSTED', message: "fuel exhausted by host work (1 units for a host call) after 0 instructions: the run's budget of 1000 is spent",
    }));
    expect([inst.fuelUsed(), inst.instructions()]).toEqual([1000n, 0n]);
  });

  it('charges past 2^32 units and budgets past 2^53 exactly', () => {
    const fuel = (1n << 60n) + 3n;
    const inst = new GuestInstance(compileGuest(TWO_ORDERS, config), stubHost(), { ...config, fuel });
    inst.chargeFuel(2 ** 32); // not a u32: charged in BigInts
    inst.chargeFuel(2 ** 32 - 1); // the largest the glue takes
    inst.chargeFuel(2 ** 52);
    expect(inst.fuelUsed()).toBe((1n << 33n) - 1n + (1n << 52n));
    // What is left: 2^60 + 3 - (2^33 - 1) - 2^52, not a double; a charge of the largest double below it passes, the next does not.
    const left = fuel - inst.fuelUsed();
    expect(() => inst.chargeFuel(2 ** 60)).toThrow(expect.objectContaining({ code: 'FUEL_EXHAUSTED' }));
    expect(inst.fuelUsed()).toBe(fuel - left);
    inst.chargeFuel(2 ** 59);
    expect(inst.fuelUsed()).toBe(fuel - left + (1n << 59n));
    expect(inst.instructions()).toBe(0n);
  });

  it('inside a callback, against its budget: 7 instructions + 2 × 100 units fit 207 and not 205', () => {
    const full = runBar({ ...config, fuelPerCallback: 207n }, 100);
    expect(full.stop).toBeNull();
    expect([full.inst.fuelUsed(), full.inst.instructions()]).toEqual([207n, 7n]);
    // 206: both charges fit, the last instruction does not (the guest's own stop, not host work).
    const last = runBar({ ...config, fuelPerCallback: 206n }, 100);
    expect(last.stop?.code).toBe('FUEL_EXHAUSTED');
    expect(last.stop?.message).not.toContain('host work');
    const host = runBar({ ...config, fuelPerCallback: 205n }, 100);
    expect(host.stop?.message).toContain('fuel exhausted by host work (100 units for a host call) after 6 instructions: the per-callback budget of 205 is spent');
    expect([host.inst.fuelUsed(), host.inst.instructions()]).toEqual([106n, 6n]);
    // The run's budget, no per-callback one: the same boundary.
    expect(runBar({ ...config, fuelPerCallback: null, fuel: 205n }, 100).stop?.message).toContain("after 6 instructions: the run's budget of 205 is spent");
    expect(runBar({ ...config, fuelPerCallback: null, fuel: 207n }, 100).stop).toBeNull();
  });
});

describe('onOrderAt / onTradeAt (the engine\'s per-event path)', () => {
  // on_order and on_trade store what they were given, so both paths can be compared byte for byte.
  const RECORDER = wat(`(module (memory (export "memory") 1)
    (func (export "on_bar") (param i64 f64 f64 f64 f64 f64))
    (func (export "on_order") (param i32 i32 f64 f64)
      (i32.store (i32.const 0) (local.get 0)) (i32.store (i32.const 4) (local.get 1))
      (f64.store (i32.const 8) (local.get 2)) (f64.store (i32.const 16) (local.get 3)))
    (func (export "on_trade") (param f64 f64 f64 f64)
      (f64.store (i32.const 24) (local.get 0)) (f64.store (i32.const 32) (local.get 1))
      (f64.store (i32.const 40) (local.get 2)) (f64.store (i32.const 48) (local.get 3))))`);
  const values = [100.25, -0, NaN, Infinity, -1e300, 5e-324, 1, 2 ** 53 + 2];
  const events = new OrderEvents();
  const trades = new TradeLog();
  const at = (k: number) => values[k % values.length]!;
  for (let k = 0; k < values.length; k++) {
    const e = events.add(), t = trades.add();
    [events.id[e], events.status[e], events.price[e], events.units[e]] = [k === 3 ? -1 : 2 ** 31 - 1 - k, k, at(k), at(k + 1)];
    [trades.size[t], trades.entryPrice[t], trades.exitPrice[t], trades.pnl[t]] = [at(k), at(k + 2), at(k + 3), at(k + 5)];
  }

  for (const mode of ['none', 'fuel', 'trace'] as const) {
    it(`gives on_order and on_trade exactly the arguments onOrder and onTrade do (${mode})`, () => {
      const config = { ...DEFAULT_SANDBOX, mode, hashing: 'inline' as const };
      const guest = compileGuest(RECORDER, config);
      const a = new GuestInstance(guest, stubHost(), config), b = new GuestInstance(guest, stubHost(), config);
      for (let k = 0; k < values.length; k++) {
        a.onOrderAt!(events, k);
        b.onOrder!(events.id[k]!, events.status[k]!, events.price[k]!, events.units[k]!);
        a.onTradeAt!(trades, k);
        b.onTrade!(trades.size[k]!, trades.entryPrice[k]!, trades.exitPrice[k]!, trades.pnl[k]!);
        const view = new DataView(a.memoryBytes().buffer);
        expect(view.getInt32(0, true)).toBe(events.id[k]);
        expect(Object.is(view.getFloat64(16, true), events.units[k])).toBe(true);
        expect(Object.is(view.getFloat64(48, true), trades.pnl[k])).toBe(true);
        expect(a.memoryBytes().subarray(0, 56)).toEqual(b.memoryBytes().subarray(0, 56));
      }
      const sa = a.finish(), sb = b.finish();
      expect(sa.instructions).toBe(sb.instructions);
      expect(sa.instructions).toBe(mode === 'none' ? 0n : 8n * (13n + 13n)); // 13 instructions per call: the glue adds none
      expect(sa.trace?.root).toEqual(sb.trace?.root);
    });
  }

  it('is there only for the callbacks the guest exports', () => {
    const inst = new GuestInstance(compileGuest(TWO_ORDERS, DEFAULT_SANDBOX), stubHost(), DEFAULT_SANDBOX);
    expect([inst.onOrderAt, inst.onTradeAt, inst.onOrder, inst.onTrade]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a trap in on_order is located as through onOrder', () => {
    const TRAP = wat(`(module (memory (export "memory") 1)
      (func (export "on_bar") (param i64 f64 f64 f64 f64 f64))
      (func (export "on_order") (param i32 i32 f64 f64) (if (i32.eq (local.get 1) (i32.const 3)) (then unreachable))))`);
    const guest = compileGuest(TRAP, DEFAULT_SANDBOX);
    const fault = (deliver: (inst: GuestInstance) => void) => {
      const inst = new GuestInstance(guest, stubHost(), DEFAULT_SANDBOX);
      inst.onBar(5n, 1, 1, 1, 1, 1);
      try {
        deliver(inst);
      } catch (e) {
        return e as SandboxError & { site: unknown };
      }
      throw new Error('no trap');
    };
    const a = fault((inst) => { for (let k = 0; k < values.length; k++) inst.onOrderAt!(events, k); });
    const b = fault((inst) => { for (let k = 0; k < values.length; k++) inst.onOrder!(events.id[k]!, events.status[k]!, events.price[k]!, events.units[k]!); });
    expect(a.code).toBe('GUEST_TRAP');
    expect(a.message).toContain('in on_order after bar 0');
    expect([a.message, a.site]).toEqual([b.message, b.site]);
  });
});

describe('guestHostFor: cancel and modify search every book', () => {
  const bars = (n: number) => ({
    length: n, time: BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 60_000n),
    open: new Float64Array(n).fill(10), high: new Float64Array(n).fill(10), low: new Float64Array(n).fill(10), close: new Float64Array(n).fill(10), volume: new Float64Array(n).fill(1),
  });

  it('finds the id in the second book, charging 64 + the orders resting in all of them', () => {
    const bt = new Backtest([bars(3), bars(3)], { cash: 10_000 });
    const charges: number[] = [];
    const host: GuestHost = guestHostFor(bt, DEFAULT_CONFIG, (n) => charges.push(n));
    const first = bt.brokers[0]!.place(1, TYPE.limit, 1, 1, NaN, 0);
    const second = bt.brokers[1]!.place(1, TYPE.limit, 1, 1, NaN, 0);
    expect(openOrders(bt)).toBe(2);
    expect(host.modify(second, 2, 2, NaN)).toBe(true);
    expect(host.modify(999, 2, 2, NaN)).toBe(false);
    expect(host.cancel(second)).toBe(true);
    expect([bt.brokers[0]!.openOrders, bt.brokers[1]!.openOrders]).toEqual([1, 0]);
    expect(host.cancel(second)).toBe(false);
    expect(host.cancel(first)).toBe(true);
    expect(openOrders(bt)).toBe(0);
    expect(charges).toEqual([HOST_CALL_FUEL + 2, HOST_CALL_FUEL + 2, HOST_CALL_FUEL + 2, HOST_CALL_FUEL + 1, HOST_CALL_FUEL + 1]);
  });
});

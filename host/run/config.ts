/**
 * @module run/config
 * Everything a user can set for a run, with defaults, validation and the canonical form that is
 * hashed into the record (params sorted by name).
 */
import { UsageError } from '../errors.ts';
import { DEFAULT_SANDBOX, type SandboxConfig, type InstrumentationMode } from '../sandbox/index.ts';
import { uint64 } from '../audit/codec.ts';
import type { EngineConfig } from '../engine/backtest.ts';
import { GUEST_STACK_MB, MAX_CALL_DEPTH } from './stack.ts';

export interface RunConfig {
  cash: number;
  /** Fraction of traded value, e.g. 0.002. */
  commission: number;
  params: Record<string, number>;
  fuel: bigint;
  /** Instruction budget of one callback (init, or one bar). */
  fuelPerCallback: bigint;
  maxMemoryPages: number;
  chunkSize: number;
  seed: number;
  /** Deepest guest call nesting. */
  maxCallDepth: number;
  /** 'full': record and commit the execution trace; 'off': fuel and limits only. */
  trace: 'full' | 'off';
  /** Broker: costs beyond the percentage commission, lots, margin, fill rules (docs/SEMANTICS.md). */
  broker: BrokerSettings;
  /** Hash and commit the guest's state every N bars (0 = never). */
  snapshotEvery: number;
  /** Most orders resting at once, over all symbols (host work a guest causes: docs/TRACE.md). */
  maxOpenOrders: number;
  /** Most order rows (orders.csv) a run may record, accepted or rejected; past it: HOST_LIMIT. */
  maxOrders: number;
  /** Most bytes a guest may log in a run (its messages as UTF-16). */
  maxLogBytes: number;
  /** How many of the stats' return periods make a year (docs/SEMANTICS.md); 0 = inferred from the bar spacing. */
  periodsPerYear: number;
}

export interface BrokerSettings {
  commissionPerUnit: number;
  commissionFixed: number;
  commissionMinimum: number;
  slippageBps: number;
  slippageFixed: number;
  lotSize: number;
  margin: number;
  maintenanceMargin: number;
  fillAt: 'open' | 'close';
  bothTouched: 'stop-first' | 'target-first';
}

export const DEFAULT_BROKER_SETTINGS: BrokerSettings = {
  commissionPerUnit: 0, commissionFixed: 0, commissionMinimum: 0, slippageBps: 0, slippageFixed: 0,
  lotSize: 1, margin: 1, maintenanceMargin: 0, fillAt: 'open', bothTouched: 'stop-first',
};

/** The engine settings a run config implies. */
export function engineConfigFor(c: RunConfig): EngineConfig {
  const b = c.broker;
  return {
    cash: c.cash,
    costs: { rate: c.commission, perUnit: b.commissionPerUnit, fixed: b.commissionFixed, minimum: b.commissionMinimum, slippageBps: b.slippageBps, slippageFixed: b.slippageFixed },
    lotSize: b.lotSize, margin: b.margin, maintenanceMargin: b.maintenanceMargin, fillMarketAt: b.fillAt, bothTouched: b.bothTouched,
    snapshotEvery: c.snapshotEvery,
    periodsPerYear: c.periodsPerYear,
  };
}

/** Upper bound of --max-orders: every row is kept in memory until orders.csv is written. */
export const MAX_ORDERS = 10_000_000;

export const DEFAULT_CONFIG: RunConfig = {
  cash: 10_000,
  commission: 0,
  params: {},
  fuel: DEFAULT_SANDBOX.fuel,
  fuelPerCallback: DEFAULT_SANDBOX.fuelPerCallback!,
  maxMemoryPages: DEFAULT_SANDBOX.maxMemoryPages,
  chunkSize: DEFAULT_SANDBOX.chunkSize,
  seed: 0,
  maxCallDepth: DEFAULT_SANDBOX.maxCallDepth,
  trace: 'full',
  broker: DEFAULT_BROKER_SETTINGS,
  snapshotEvery: 0,
  maxOpenOrders: 10_000,
  maxOrders: 1_000_000,
  maxLogBytes: 16 << 20,
  periodsPerYear: 0,
};

/** The sandbox settings a run config implies. */
export function sandboxConfigFor(c: RunConfig, mode: InstrumentationMode = c.trace === 'off' ? 'fuel' : 'trace'): SandboxConfig {
  return { ...DEFAULT_SANDBOX, mode, fuel: c.fuel, fuelPerCallback: c.fuelPerCallback, maxMemoryPages: c.maxMemoryPages, seed: c.seed, chunkSize: c.chunkSize, maxCallDepth: c.maxCallDepth };
}

/** Why `__proto__` is refused as a param name: a params object cannot carry it on (assigning it sets the prototype). */
export const RESERVED_PARAM = 'unknown param "__proto__": it is reserved (no strategy can read a param of that name)';

export function checkConfig(c: RunConfig): RunConfig {
  if (!(Number.isFinite(c.cash) && c.cash > 0)) throw new UsageError('USAGE', `--cash must be a positive number, got ${c.cash}`);
  if (!(Number.isFinite(c.commission) && c.commission >= 0 && c.commission < 1))
    throw new UsageError('USAGE', `--commission must be a fraction in [0, 1), e.g. 0.002 for 0.2 %; got ${c.commission}`);
  for (const [k, v] of Object.entries(c.params)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new UsageError('USAGE', `--param name "${k}" must be an identifier: ASCII letters, digits and _, not starting with a digit (a strategy reading another name always gets its default: docs/ABI.md)`);
    // A params object cannot carry it on (assigning it sets the prototype): the param would be dropped silently.
    if (k === '__proto__') throw new UsageError('UNKNOWN_PARAM', RESERVED_PARAM);
    if (!Number.isFinite(v)) throw new UsageError('USAGE', `--param ${k} must be a finite number, got ${v}`);
  }
  if (c.fuel <= 0n || c.fuel >= 1n << 62n) throw new UsageError('USAGE', `--fuel must be in 1..2^62, got ${c.fuel}`);
  if (c.fuelPerCallback <= 0n || c.fuelPerCallback >= 1n << 62n) throw new UsageError('USAGE', `--fuel-per-bar must be in 1..2^62, got ${c.fuelPerCallback}`);
  if (!Number.isInteger(c.snapshotEvery) || c.snapshotEvery < 0) throw new UsageError('USAGE', `--snapshot-every must be a whole number of bars, got ${c.snapshotEvery}`);
  // Returns are taken over days at the finest, so a year holds at most 366 of them.
  if (!(Number.isFinite(c.periodsPerYear) && c.periodsPerYear >= 0 && c.periodsPerYear <= 366))
    throw new UsageError('USAGE', `--periods-per-year must be a number in (0, 366] (e.g. 252, 365, 52, 12), or 0 to infer it from the bar spacing; got ${c.periodsPerYear}`);
  const b = c.broker;
  for (const k of ['commissionPerUnit', 'commissionFixed', 'commissionMinimum', 'slippageBps', 'slippageFixed', 'lotSize', 'maintenanceMargin'] as const)
    if (!(Number.isFinite(b[k]) && b[k] >= 0)) throw new UsageError('USAGE', `broker setting ${k} must be a non-negative number, got ${b[k]}`);
  if (!(b.margin > 0 && b.margin <= 1)) throw new UsageError('USAGE', `--margin must be in (0, 1] (1 = no leverage, 0.5 = 2x), got ${b.margin}`);
  if (b.fillAt !== 'open' && b.fillAt !== 'close') throw new UsageError('USAGE', `--fill-at must be open or close, got "${b.fillAt}"`);
  if (b.bothTouched !== 'stop-first' && b.bothTouched !== 'target-first') throw new UsageError('USAGE', `--both-touched must be stop-first or target-first, got "${b.bothTouched}"`);
  if (c.trace !== 'full' && c.trace !== 'off') throw new UsageError('USAGE', `--trace must be "full" or "off", got "${c.trace}"`);
  // The cap is what the guest stack can always hold (run/stack).
  if (!Number.isInteger(c.maxCallDepth) || c.maxCallDepth < 1 || c.maxCallDepth > MAX_CALL_DEPTH)
    throw new UsageError('USAGE', `--max-call-depth must be an integer in 1..${MAX_CALL_DEPTH} (the cap the guest stack of ${GUEST_STACK_MB} MB always holds), got ${c.maxCallDepth}`);
  if (!Number.isInteger(c.maxOpenOrders) || c.maxOpenOrders < 1 || c.maxOpenOrders > 1_000_000)
    throw new UsageError('USAGE', `--max-open-orders must be an integer in 1..1000000, got ${c.maxOpenOrders}`);
  if (!Number.isInteger(c.maxOrders) || c.maxOrders < 1 || c.maxOrders > MAX_ORDERS)
    throw new UsageError('USAGE', `--max-orders must be an integer in 1..${MAX_ORDERS}, got ${c.maxOrders}`);
  if (!Number.isInteger(c.maxLogBytes) || c.maxLogBytes < 0 || c.maxLogBytes > 2 ** 32)
    throw new UsageError('USAGE', `--max-log-bytes must be an integer in 0..4294967296, got ${c.maxLogBytes}`);
  if (!Number.isInteger(c.maxMemoryPages) || c.maxMemoryPages < 1 || c.maxMemoryPages > 65536)
    throw new UsageError('USAGE', `--max-memory-pages must be an integer in 1..65536, got ${c.maxMemoryPages}`);
  return c;
}

/** The ConfigLink message body (docs/AUDIT.md). */
export function configMessage(c: RunConfig): Record<string, unknown> {
  const names = Object.keys(c.params).sort();
  return {
    cash: c.cash,
    commission: c.commission,
    params: names.map((name) => ({ name, value: c.params[name]! })),
    fuelBudget: uint64(c.fuel),
    maxMemoryPages: c.maxMemoryPages,
    traceMode: c.trace,
    chunkSize: c.chunkSize,
    seed: c.seed,
    maxCallDepth: c.maxCallDepth,
    fuelPerCallback: uint64(c.fuelPerCallback),
    broker: { ...c.broker },
    snapshotEvery: c.snapshotEvery,
    maxOpenOrders: c.maxOpenOrders,
    maxOrders: c.maxOrders,
    maxLogBytes: uint64(c.maxLogBytes),
    periodsPerYear: c.periodsPerYear,
  };
}

function brokerSorted(b: BrokerSettings): BrokerSettings {
  return Object.fromEntries(Object.keys(DEFAULT_BROKER_SETTINGS).map((k) => [k, b[k as keyof BrokerSettings]])) as unknown as BrokerSettings;
}

/** config.json: the readable form, from which configMessage is recomputed by verify. */
export function configJson(c: RunConfig): string {
  const params: Record<string, number> = {};
  for (const name of Object.keys(c.params).sort()) params[name] = c.params[name]!;
  return JSON.stringify({ cash: c.cash, commission: c.commission, params, fuel: c.fuel.toString(), fuelPerCallback: c.fuelPerCallback.toString(), maxMemoryPages: c.maxMemoryPages, chunkSize: c.chunkSize, seed: c.seed, maxCallDepth: c.maxCallDepth, trace: c.trace, broker: brokerSorted(c.broker), snapshotEvery: c.snapshotEvery, maxOpenOrders: c.maxOpenOrders, maxOrders: c.maxOrders, maxLogBytes: c.maxLogBytes, periodsPerYear: c.periodsPerYear }, null, 2) + '\n';
}

export function parseConfigJson(text: string): RunConfig {
  const o = JSON.parse(text) as Record<string, unknown>;
  return {
    cash: o.cash as number,
    commission: o.commission as number,
    params: o.params as Record<string, number>,
    fuel: BigInt(o.fuel as string),
    fuelPerCallback: BigInt(o.fuelPerCallback as string),
    maxMemoryPages: o.maxMemoryPages as number,
    chunkSize: o.chunkSize as number,
    seed: o.seed as number,
    maxCallDepth: o.maxCallDepth as number,
    trace: o.trace as 'full' | 'off',
    broker: { ...DEFAULT_BROKER_SETTINGS, ...(o.broker as Partial<BrokerSettings>) },
    snapshotEvery: (o.snapshotEvery as number) ?? 0,
    maxOpenOrders: (o.maxOpenOrders as number) ?? DEFAULT_CONFIG.maxOpenOrders,
    maxOrders: (o.maxOrders as number) ?? DEFAULT_CONFIG.maxOrders,
    maxLogBytes: (o.maxLogBytes as number) ?? DEFAULT_CONFIG.maxLogBytes,
    periodsPerYear: (o.periodsPerYear as number) ?? 0,
  };
}

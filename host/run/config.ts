/**
 * @module run/config
 * Everything a user can set for a run, with defaults, validation and the canonical form that is
 * hashed into the record (params sorted by name).
 */
import { UsageError } from '../errors.ts';
import { DEFAULT_SANDBOX, type SandboxConfig, type InstrumentationMode } from '../sandbox/index.ts';
import { uint64 } from '../audit/codec.ts';

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
}

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
};

/** The sandbox settings a run config implies. */
export function sandboxConfigFor(c: RunConfig, mode: InstrumentationMode = c.trace === 'off' ? 'fuel' : 'trace'): SandboxConfig {
  return { ...DEFAULT_SANDBOX, mode, fuel: c.fuel, fuelPerCallback: c.fuelPerCallback, maxMemoryPages: c.maxMemoryPages, seed: c.seed, chunkSize: c.chunkSize, maxCallDepth: c.maxCallDepth };
}

export function checkConfig(c: RunConfig): RunConfig {
  if (!(Number.isFinite(c.cash) && c.cash > 0)) throw new UsageError('USAGE', `--cash must be a positive number, got ${c.cash}`);
  if (!(Number.isFinite(c.commission) && c.commission >= 0 && c.commission < 1))
    throw new UsageError('USAGE', `--commission must be a fraction in [0, 1), e.g. 0.002 for 0.2 %; got ${c.commission}`);
  for (const [k, v] of Object.entries(c.params)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new UsageError('USAGE', `--param name "${k}" must be an identifier`);
    if (!Number.isFinite(v)) throw new UsageError('USAGE', `--param ${k} must be a finite number, got ${v}`);
  }
  if (c.fuel <= 0n || c.fuel >= 1n << 62n) throw new UsageError('USAGE', `--fuel must be in 1..2^62, got ${c.fuel}`);
  if (c.fuelPerCallback <= 0n || c.fuelPerCallback >= 1n << 62n) throw new UsageError('USAGE', `--fuel-per-bar must be in 1..2^62, got ${c.fuelPerCallback}`);
  if (c.trace !== 'full' && c.trace !== 'off') throw new UsageError('USAGE', `--trace must be "full" or "off", got "${c.trace}"`);
  if (!Number.isInteger(c.maxCallDepth) || c.maxCallDepth < 1 || c.maxCallDepth > 100_000)
    throw new UsageError('USAGE', `--max-call-depth must be an integer in 1..100000, got ${c.maxCallDepth}`);
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
  };
}

/** config.json: the readable form, from which configMessage is recomputed by verify. */
export function configJson(c: RunConfig): string {
  const params: Record<string, number> = {};
  for (const name of Object.keys(c.params).sort()) params[name] = c.params[name]!;
  return JSON.stringify({ cash: c.cash, commission: c.commission, params, fuel: c.fuel.toString(), fuelPerCallback: c.fuelPerCallback.toString(), maxMemoryPages: c.maxMemoryPages, chunkSize: c.chunkSize, seed: c.seed, maxCallDepth: c.maxCallDepth, trace: c.trace }, null, 2) + '\n';
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
  };
}

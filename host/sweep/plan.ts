/**
 * @module sweep/plan
 * The sweep's plan: made from what the user asked (the module and data already read, so their hashes
 * are known), written as sweep.json in its one canonical form, read back and checked (a hostile file:
 * every field's shape, the canonical bytes, the combinations derived again from the space), and the
 * run config of each combination.
 */
import { createHash } from 'node:crypto';
import { UsageError, AuditError } from '../errors.ts';
import { STAT_LABELS } from '../audit/render.ts';
import { configJson, parseConfigJson, type RunConfig } from '../run/config.ts';
import type { StrategyArtifact } from '../run/execute.ts';
import type { DataFeed } from '../data/load.ts';
import type { DataOptions } from '../data/options.ts';
import { combinationsOf, parseGrids } from './space.ts';
import { SWEEP_PLAN_FORMAT, type Combination, type SweepObjective, type SweepPlan, type SweepSpace } from './types.ts';

/** The statistics an objective may name: stats.json's numeric ones (start and end are times). */
export const OBJECTIVE_STATS: readonly string[] = STAT_LABELS.map(([k]) => k as string).filter((k) => k !== 'start' && k !== 'end');

/** Statistics that are a drawdown as a negative percentage: the closer to 0, the better. */
const NEGATIVE_DRAWDOWNS: readonly string[] = ['maxDrawdownPct', 'avgDrawdownPct'];

/** `--objective STAT[:max|:min]` (default max). An unknown statistic is a UsageError listing the valid names. */
export function parseObjective(text: string): SweepObjective {
  const [stat = '', direction = 'max', ...rest] = text.split(':');
  if (!OBJECTIVE_STATS.includes(stat))
    throw new UsageError('USAGE', `--objective ${text}: "${stat}" is not a statistic; choose one of ${OBJECTIVE_STATS.join(', ')}`);
  if ((direction !== 'max' && direction !== 'min') || rest.length > 0)
    throw new UsageError('USAGE', `--objective ${text}: expected STAT, STAT:max or STAT:min`);
  // Drawdowns are negative, as backtesting.py's "Max. Drawdown [%]" (-32.8: 32.8 % down), so :min would pick the
  // deepest, never what is meant: refused, pointing at :max (the shallowest).
  if (direction === 'min' && NEGATIVE_DRAWDOWNS.includes(stat))
    throw new UsageError('USAGE', `--objective ${text}: ${stat} is negative (-32.8 means 32.8 % down), so :min would choose the deepest drawdown; use ${stat}:max for the shallowest`);
  return { stat, direction };
}

export interface PlanInput {
  /** The strategy file as named, and its artifact (built or read). */
  strategyFile: string;
  strategy: StrategyArtifact;
  /** Each --data spec as given, with its feed opened. */
  data: { spec: string; feed: DataFeed }[];
  dataOptions: DataOptions;
  /** The config every run shares; its params must be empty (each combination brings its own). */
  config: RunConfig;
  space: SweepSpace;
  objective: SweepObjective;
  maxCombinations: number;
}

/** The config as the plan keeps it: config.json's object without params. */
function planConfig(config: RunConfig): Record<string, unknown> {
  const { params: _, ...rest } = JSON.parse(configJson({ ...config, params: {} })) as Record<string, unknown>;
  return rest;
}

/** Makes the plan (the combinations in canonical order); refuses what cannot run before anything is written. */
export function makePlan(x: PlanInput): SweepPlan {
  if (Object.keys(x.config.params).length > 0) throw new UsageError('USAGE', 'a sweep takes its parameters from --grid only (a fixed value is a one-value grid: --grid name=5)');
  if (x.dataOptions.period !== undefined) throw new UsageError('USAGE', 'a sweep takes each file\'s period from its --data spec (FILE@PERIOD)');
  const combinations = combinationsOf(x.space, x.maxCombinations);
  const dataOptions: SweepPlan['dataOptions'] = {};
  if (x.dataOptions.timezone !== undefined) dataOptions.timezone = x.dataOptions.timezone;
  if (x.dataOptions.dateFormat !== undefined) dataOptions.dateFormat = x.dataOptions.dateFormat;
  if (x.dataOptions.duplicates !== undefined) dataOptions.duplicates = x.dataOptions.duplicates;
  if (x.dataOptions.window !== undefined) dataOptions.window = { from: String(x.dataOptions.window.from), to: String(x.dataOptions.window.to) };
  return canonicalPlan({
    format: SWEEP_PLAN_FORMAT,
    strategy: { file: x.strategyFile, wasmSha256: createHash('sha256').update(x.strategy.wasm).digest('hex'), sources: x.strategy.sources.map((s) => ({ path: s.path, sha256: s.sha256 })) },
    data: x.data.map(({ spec, feed }) => ({ spec, path: feed.path, sha256: feed.sha256 })),
    dataOptions,
    config: planConfig(x.config),
    space: x.space,
    objective: x.objective,
    combinations,
  });
}

/** The options the plan's data is read with (its window's ns as BigInts). */
export function dataOptionsOf(plan: SweepPlan): DataOptions {
  const { window, ...rest } = plan.dataOptions;
  return window === undefined ? rest : { ...rest, window: { from: BigInt(window.from), to: BigInt(window.to) } };
}

/** The run config of combination `index`. */
export function runConfigOf(plan: SweepPlan, index: number): RunConfig {
  const c = plan.combinations[index];
  if (!c || c.index !== index) throw new UsageError('USAGE', `combination ${index} is not in the plan (it has ${plan.combinations.length}: 0..${plan.combinations.length - 1})`);
  return configOf(plan, c);
}

/** The run config of combination `c` of `plan` (its combinations are not read: a job carries its one). */
export function configOf(plan: Pick<SweepPlan, 'config'>, c: Combination): RunConfig {
  if (c.window) throw new UsageError('USAGE', `combination ${c.index} has a window; this version runs combinations on the whole data only`);
  return parseConfigJson(JSON.stringify({ ...plan.config, params: c.params }));
}

/** Params as `name=value` by name, space-separated ("(none)" when empty): what messages and checks name. */
export const paramsText = (params: Record<string, number>): string => {
  const names = Object.keys(params).sort();
  return names.length === 0 ? '(none)' : names.map((n) => `${n}=${params[n]}`).join(' ');
};

/** sweep.json's bytes: the canonical JSON text of the plan (docs/SWEEP.md). */
export function planText(plan: SweepPlan): string {
  return JSON.stringify(canonicalPlan(plan), null, 2) + '\n';
}

export function planSha256(plan: SweepPlan): string {
  return createHash('sha256').update(planText(plan)).digest('hex');
}

/** A plan's config as planConfig writes it (config.json's fields and order, without params): read back through config.json's reader, so an extra, missing or mistyped field does not come back the same. */
function canonicalConfig(config: Record<string, unknown>, bad: (what: string) => never): Record<string, unknown> {
  try {
    return planConfig(parseConfigJson(JSON.stringify({ ...config, params: {} })));
  } catch (e) {
    return bad(`config is not a run config: ${(e as Error).message}`);
  }
}

/**
 * The plan with every object's keys in the canonical order (SweepPlan's), params sorted by name.
 * Checks each field's shape on the way: the plan may come from a hostile sweep.json.
 */
function canonicalPlan(p: SweepPlan): SweepPlan {
  const bad = (what: string): never => {
    throw new AuditError('VERIFY_FAILED', 'plan', `sweep.json: ${what}`);
  };
  const obj = (v: unknown, what: string): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : bad(`${what} is not an object`));
  const arr = (v: unknown, what: string): unknown[] => (Array.isArray(v) ? v : bad(`${what} is not a list`));
  const str = (v: unknown, what: string): string => (typeof v === 'string' ? v : bad(`${what} is not a string`));
  const num = (v: unknown, what: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : bad(`${what} is not a finite number`));
  const hex = (v: unknown, what: string): string => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? v : bad(`${what} is not a SHA-256 in lowercase hex`));
  const root = obj(p, 'the plan');
  if (root.format !== SWEEP_PLAN_FORMAT) bad(`format is ${JSON.stringify(root.format)}, expected "${SWEEP_PLAN_FORMAT}"`);
  const s = obj(root.strategy, 'strategy');
  const space = obj(root.space, 'space');
  const random = space.random === null ? null : obj(space.random, 'space.random');
  const objective = obj(root.objective, 'objective');
  const dataOptions = obj(root.dataOptions, 'dataOptions');
  const params = (v: unknown, what: string): Record<string, number> => {
    const o = obj(v, what);
    const out: Record<string, number> = {};
    for (const k of Object.keys(o).sort()) out[k] = num(o[k], `${what}.${k}`);
    return out;
  };
  const opts: SweepPlan['dataOptions'] = {};
  for (const k of ['timezone', 'dateFormat', 'duplicates'] as const) if (dataOptions[k] !== undefined) (opts as Record<string, string>)[k] = str(dataOptions[k], `dataOptions.${k}`);
  if (dataOptions.window !== undefined) {
    const w = obj(dataOptions.window, 'dataOptions.window');
    const ns = (v: unknown, what: string): string => (typeof v === 'string' && /^-?(0|[1-9][0-9]{0,18})$/.test(v) ? v : bad(`${what} is not a time in ns as a decimal string`));
    opts.window = { from: ns(w.from, 'dataOptions.window.from'), to: ns(w.to, 'dataOptions.window.to') };
  }
  return {
    format: SWEEP_PLAN_FORMAT,
    strategy: {
      file: str(s.file, 'strategy.file'),
      wasmSha256: hex(s.wasmSha256, 'strategy.wasmSha256'),
      sources: arr(s.sources, 'strategy.sources').map((x, i) => {
        const f = obj(x, `strategy.sources[${i}]`);
        return { path: str(f.path, `strategy.sources[${i}].path`), sha256: hex(f.sha256, `strategy.sources[${i}].sha256`) };
      }),
    },
    data: arr(root.data, 'data').map((x, i) => {
      const d = obj(x, `data[${i}]`);
      return { spec: str(d.spec, `data[${i}].spec`), path: str(d.path, `data[${i}].path`), sha256: hex(d.sha256, `data[${i}].sha256`) };
    }),
    dataOptions: opts,
    config: canonicalConfig(obj(root.config, 'config'), bad),
    space: {
      grids: arr(space.grids, 'space.grids').map((x, i) => {
        const g = obj(x, `space.grids[${i}]`);
        return { name: str(g.name, `space.grids[${i}].name`), spec: str(g.spec, `space.grids[${i}].spec`), values: arr(g.values, `space.grids[${i}].values`).map((v, k) => num(v, `space.grids[${i}].values[${k}]`)) };
      }),
      random: random === null ? null : { samples: num(random.samples, 'space.random.samples'), seed: str(random.seed, 'space.random.seed') },
      where: space.where === null ? null : str(space.where, 'space.where'),
    },
    objective: { stat: str(objective.stat, 'objective.stat'), direction: objective.direction === 'min' ? 'min' : objective.direction === 'max' ? 'max' : bad('objective.direction is not "max" or "min"') },
    combinations: arr(root.combinations, 'combinations').map((x, i) => {
      const c = obj(x, `combinations[${i}]`);
      const out: Combination = { index: num(c.index, `combinations[${i}].index`), params: params(c.params, `combinations[${i}].params`) };
      if (c.window !== undefined) {
        const w = obj(c.window, `combinations[${i}].window`);
        out.window = { from: str(w.from, `combinations[${i}].window.from`), to: str(w.to, `combinations[${i}].window.to`) };
      }
      return out;
    }),
  };
}

/**
 * sweep.json read back (step "plan" of verify): parsed, its shape checked, its bytes equal to the
 * plan written again from what was read, and its combinations those its space gives.
 */
export function readPlan(bytes: Uint8Array): SweepPlan {
  const text = Buffer.from(bytes).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new AuditError('VERIFY_FAILED', 'plan', `sweep.json is not JSON: ${(e as Error).message}`);
  }
  const plan = canonicalPlan(parsed as SweepPlan);
  if (planText(plan) !== text) throw new AuditError('VERIFY_FAILED', 'plan', 'sweep.json is not in its canonical form (docs/SWEEP.md): it was edited');
  if (!OBJECTIVE_STATS.includes(plan.objective.stat)) throw new AuditError('VERIFY_FAILED', 'plan', `sweep.json: objective.stat "${plan.objective.stat}" is not a statistic`);
  let derived: Combination[];
  try {
    const grids = parseGrids(plan.space.grids.map((g) => `${g.name}=${g.spec}`));
    if (JSON.stringify(grids) !== JSON.stringify(plan.space.grids)) throw new Error('its grids are not what their specs give, sorted by name');
    // more than it lists: the space was edited (a verify failure, not the sweep command's --max-combinations advice)
    derived = combinationsOf(plan.space, plan.combinations.length, (n) => {
      throw new AuditError('VERIFY_FAILED', 'plan', `sweep.json: its space gives ${n} combinations, it lists ${plan.combinations.length}: its grids, where or samples were changed after the sweep ran`);
    });
  } catch (e) {
    if (e instanceof AuditError) throw e;
    throw new AuditError('VERIFY_FAILED', 'plan', `sweep.json: its space does not give its ${plan.combinations.length} combinations: ${(e as Error).message}`);
  }
  const same = derived.length === plan.combinations.length && derived.every((c, i) => JSON.stringify(c) === JSON.stringify(plan.combinations[i]));
  if (!same) throw new AuditError('VERIFY_FAILED', 'plan', 'sweep.json: its combinations are not those its space gives in canonical order');
  return plan;
}

/** A run folder's name in runs/: the index zero-padded to max(4, digits of count − 1) (docs/SWEEP.md). */
export function runFolderName(index: number, count: number): string {
  return String(index).padStart(Math.max(4, String(Math.max(0, count - 1)).length), '0');
}

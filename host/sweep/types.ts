/**
 * @module sweep/types
 * The shapes of a parameter sweep (docs/SWEEP.md): the plan (sweep.json), one combination's result,
 * the summary rows and the sweep record. Plain types and the fixed names of a sweep folder; no logic.
 * Other runners (the BullMQ worker, walk-forward) build on these and on runCombination/assembleSweep.
 */

/** sweep.json's `format`. */
export const SWEEP_PLAN_FORMAT = 'backproof-sweep-plan@1';
/** sweep-record.json's `format`. */
export const SWEEP_RECORD_FORMAT = 'backproof-sweep-record@1';
/** summary.json's `format`. */
export const SWEEP_SUMMARY_FORMAT = 'backproof-sweep-summary@1';
/** Domain of the sweep record's canonical bytes (docs/SWEEP.md, "The sweep record"). */
export const SWEEP_RECORD_DOMAIN = 'backproof/sweep-record/v1';

/** The files of a sweep folder; runs/ holds one run folder per combination, named by runFolderName. */
export const SWEEP_FILES = {
  plan: 'sweep.json',
  runs: 'runs',
  summaryJson: 'summary.json',
  summaryCsv: 'summary.csv',
  record: 'sweep-record.json',
  report: 'report.html',
} as const;

/** Most combinations a sweep makes unless `--max-combinations` raises it. */
export const DEFAULT_MAX_COMBINATIONS = 10_000;

/** One parameter's values, from `--grid NAME=SPEC` (docs/SWEEP.md, "Grids"). */
export interface GridAxis {
  name: string;
  /** The option's text after `=`, as given. */
  spec: string;
  /** Its values, ascending, each once. */
  values: number[];
}

/** The parameter space and how combinations were chosen from it. */
export interface SweepSpace {
  /** One axis per parameter, sorted by name (code unit order). */
  grids: GridAxis[];
  /** `--samples N --seed S`: N combinations drawn from the grid (docs/SWEEP.md, "Random search"); null: the whole grid. */
  random: { samples: number; seed: string } | null;
  /** `--where EXPR` as given; null: no constraint. */
  where: string | null;
}

/** A statistic of stats.json to rank by, and whether more is better. */
export interface SweepObjective {
  stat: string;
  direction: 'max' | 'min';
}

/**
 * A combination: its index in canonical order (0-based) and its parameters (sorted by name).
 * `window` is reserved for walk-forward (a combination run on a window of the data, times as
 * ISO 8601 UTC, from inclusive, to exclusive); this version writes none and refuses one it is given.
 */
export interface Combination {
  index: number;
  params: Record<string, number>;
  window?: { from: string; to: string };
}

/** A data file of the plan: the `--data` spec as given, the file and its SHA-256 (every run must read exactly these bytes). */
export interface PlanData {
  spec: string;
  path: string;
  sha256: string;
}

/**
 * The sweep's plan, written as sweep.json before any run (canonical JSON: docs/SWEEP.md). Everything a
 * runner needs to make any combination's run and get the same record: the module by hash (and the
 * strategy file as named), the data by hash, the run config without params (64-bit integers as
 * decimal strings), the space, the objective, and the combinations in canonical order.
 */
export interface SweepPlan {
  format: typeof SWEEP_PLAN_FORMAT;
  strategy: { file: string; wasmSha256: string; sources: { path: string; sha256: string }[] };
  data: PlanData[];
  /**
   * Read options of the data (timezone, dateFormat, duplicates), as the run records them; `window`
   * (walk-forward: only the bars with from ≤ time < to, ns as decimal strings) only when there is one.
   */
  dataOptions: { timezone?: string; dateFormat?: 'dmy' | 'mdy'; duplicates?: 'error' | 'keep'; window?: { from: string; to: string } };
  /** The RunConfig every run shares, `params` left out (each combination's), bigints as decimal strings. */
  config: Record<string, unknown>;
  space: SweepSpace;
  objective: SweepObjective;
  combinations: Combination[];
}

/** What one combination's run gives, wherever it ran (runCombination). */
export interface CombinationResult {
  index: number;
  runId: string;
  /** SHA-256 of the run's Record bytes (the `record` field of record.pb, what its signature covers), hex. */
  recordSha256: string;
  /** The run folder written. */
  runDir: string;
  /** The run's stats as stats.json has them (statsObject: NaN and infinities null, times ISO text). */
  stats: Record<string, number | string | null>;
}

/** One row of summary.json / summary.csv. */
export interface SummaryRow {
  index: number;
  params: Record<string, number>;
  runId: string;
  recordSha256: string;
  /** The objective's value (null when the statistic is NaN or infinite). */
  objective: number | null;
  /** The key statistics of SUMMARY_STATS, by name. */
  stats: Record<string, number | string | null>;
}

/** The statistics summary rows carry besides the objective (stats.json names). */
export const SUMMARY_STATS = ['returnPct', 'sharpe', 'maxDrawdownPct', 'trades', 'winRatePct', 'equityFinal'] as const;

/** sweep-record.json: the fields the signed canonical bytes are made of, and the signature. */
export interface SweepRecord {
  format: typeof SWEEP_RECORD_FORMAT;
  /** First 16 hex digits of SHA-256(sweep record bytes). */
  sweepId: string;
  /** SHA-256 of sweep.json's bytes. */
  planSha256: string;
  /** Number of runs (leaves). */
  count: number;
  /** RFC 9162 Merkle tree head over the runs' record hashes in index order. */
  root: string;
  /** Ed25519 public key (32 bytes hex) and signature over the record bytes (64 bytes hex); both "" when unsigned. */
  publicKey: string;
  signature: string;
}

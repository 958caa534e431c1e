/**
 * @module cli/check
 * `backproof check-determinism <strategy> --data FILE`: the same run made several ways, compared hash
 * by hash (host/check, docs/DETERMINISM.md). Exit 0 when every run agrees, NOT_IDENTICAL otherwise.
 */
import { checkDeterminism, DEFAULT_CONFIG, DEFAULT_RUNS, describeDivergence, EXIT, MAX_RUNS, UsageError, VARIANTS, type DeterminismReport, type VariantRun } from '../index.ts';
import { numberOption, paramsOption, wholeOption } from './args.ts';
import { str, type CommandSpec } from './command.ts';

/** The exit code of a check whose runs do not all agree (docs/ARCHITECTURE.md, Errors and exit codes). */
export const NOT_IDENTICAL = 7;

const leafText = (bytes: number): string => (bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} B`);

export const checkDeterminismCmd: CommandSpec = {
  name: 'check-determinism',
  summary: 'run a backtest several ways (threads, processes, time zones, locales, leaf sizes, trace off) and compare',
  usage: '<strategy.ts|strategy.wasm> --data <file.csv> [--param k=v ...] [--runs N] [--variants LIST] [--isolation v8|wasi|process]',
  about: `Runs the same backtest in each of these variants, each --runs times, and compares every run with the
first on this thread (main): the result (SHA-256 of result.pb), the instructions, the fuel used and the
trace's bytes; and every run with the first of its config (leaf size, trace on or off): the trace root
and the record (SHA-256 of the unsigned record). Writes no run folder.
${VARIANTS.map((v) => `  ${v.name.padEnd(10)} ${v.about}`).join('\n')}
Prints "identical" with the hashes compared, or the first run that differs, what differs, and (both
runs traced) the first differing instruction, found as backproof diff finds it (docs/DETERMINISM.md).`,
  options: [
    { name: 'data', type: 'string', multiple: true, arg: '[NAME=]FILE[@PERIOD]', help: 'as backtest takes it; repeat for several symbols' },
    str('timezone', 'ZONE', 'IANA zone of timestamps without one (default UTC)'),
    { name: 'param', type: 'string', multiple: true, arg: 'k=v', help: 'strategy parameter (repeatable), read by param("k", default)' },
    str('cash', 'N', `starting cash (default ${DEFAULT_CONFIG.cash})`),
    str('commission', 'F', 'commission as a fraction of traded value (default 0)'),
    str('runs', 'N', `how many times each variant runs (default ${DEFAULT_RUNS}, at most ${MAX_RUNS})`),
    str('variants', 'LIST', `the variants to run, comma-separated (default all; main always runs):
${VARIANTS.map((v) => v.name).join(', ')}`),
    str('timeout', 'S', `wall-clock watchdog of each run on a guest thread, in seconds (default 600);
main, on this thread, has none: its fuel limits stop it`),
    str('isolation', 'v8|wasi|process', `where every run's guest runs: v8 (its thread, default), wasi (Wasmer in a worker thread) or
process (a child process under Node's permission model); the hashes compared are the same under each (docs/RUNTIMES.md)`),
  ],
  positionals: 1,
  examples: [
    'backproof check-determinism strategies-as/sma-cross.ts --data data/GOOG.csv',
    'backproof check-determinism strategies-as/sma-cross.ts --data data/GOOG.csv --param fast=5 --runs 1 --variants worker,tz,leaf-1k --json',
  ],
  exits: [0, 2, 3, 4, 6, [NOT_IDENTICAL, 'not identical: a run differs']],
  schema: 'check-determinism@1',
  async run({ values, positionals, text }) {
    const strategy = positionals[0];
    if (!strategy) throw new UsageError('USAGE', 'check-determinism needs a strategy: backproof check-determinism <strategy.ts> --data FILE');
    if (!values.data) throw new UsageError('USAGE', 'check-determinism needs --data <file.csv>');
    const runsText = values.runs as string | undefined;
    const timeoutSeconds = numberOption('timeout', values.timeout as string | undefined, 600);
    if (!(timeoutSeconds > 0)) throw new UsageError('USAGE', `--timeout must be a positive number of seconds, got ${timeoutSeconds}`);
    const report = await checkDeterminism({
      strategy,
      data: values.data as string[],
      dataOptions: values.timezone === undefined ? {} : { timezone: values.timezone as string },
      config: {
        ...DEFAULT_CONFIG,
        params: paramsOption(values.param as string[] | undefined),
        cash: numberOption('cash', values.cash as string | undefined, DEFAULT_CONFIG.cash),
        commission: numberOption('commission', values.commission as string | undefined, DEFAULT_CONFIG.commission),
      },
      runs: runsText === undefined ? undefined : wholeOption('runs', runsText, DEFAULT_RUNS, 1, MAX_RUNS),
      variants: values.variants === undefined ? undefined : (values.variants as string).split(',').map((v) => v.trim()),
      timeoutMs: timeoutSeconds * 1000,
      isolation: values.isolation as string | undefined,
    });
    for (const line of reportLines(report)) text.log(line);
    return { exit: report.identical ? EXIT.ok : NOT_IDENTICAL, json: documentOf(report) };
  },
};

function runRow(v: VariantRun): string {
  const s = v.summary;
  const what = s
    ? `${v.trace === 'full' ? `root ${s.traceRoot.slice(0, 16)}` : 'no trace'.padEnd(21)}  result ${s.resultSha256.slice(0, 16)}  record ${s.recordSha256.slice(0, 16)}  ${s.instructions} instructions`
    : `error ${v.error!.code}: ${v.error!.message.split('\n')[0]}`;
  // a child process: what its Node showed of the environment it was given
  const shown = v.shown ? `  (${v.shown.timeZone}, ${v.shown.locale})` : '';
  return `  ${v.label.padEnd(14)} ${leafText(v.chunkSize).padStart(7)}  ${what}${shown}`;
}

/** Runs' labels grouped by a value they share, in first-seen order: "value (a, b)". */
function grouped(runs: readonly VariantRun[], key: (v: VariantRun) => string): string {
  const groups = new Map<string, string[]>();
  for (const v of runs) groups.set(key(v), [...(groups.get(key(v)) ?? []), v.label]);
  return [...groups].map(([k, labels]) => `${k} (${labels.join(', ')})`).join('; ');
}

function reportLines(r: DeterminismReport): string[] {
  const lines = [`${r.runs.length} runs (${r.runs.length / r.runsPerVariant} variants, ${r.runsPerVariant} each):`, ...r.runs.map(runRow), ''];
  for (const n of r.notes) lines.push(`note: ${n}`);
  if (r.identical) {
    const ref = r.runs[0]!.summary!;
    const traced = r.runs.filter((v) => v.trace === 'full');
    lines.push(
      `IDENTICAL in all ${r.runs.length} runs`,
      `  result        sha256 ${ref.resultSha256}`,
      `  instructions  ${ref.instructions}, fuel used ${ref.fuelUsed}, trace bytes ${ref.traceBytes}`,
      `  trace root    ${grouped(traced, (v) => `${v.summary!.traceRoot} at ${leafText(v.chunkSize)}`)}`,
      `  record        ${grouped(r.runs, (v) => `sha256 ${v.summary!.recordSha256}`)}`,
    );
    return lines;
  }
  const f = r.first!;
  lines.push(`NOT IDENTICAL: ${f.label} is the first run that differs`);
  for (const d of f.differences) lines.push(`  ${d.field.padEnd(13)} ${d.against} ${d.expected}, ${f.label} ${d.actual}`);
  if (f.divergence) lines.push(...describeDivergence(f.divergence));
  if (f.note) lines.push(f.note);
  return lines;
}

/** The --json document (docs/schema/check-determinism@1.json). */
export function documentOf(r: DeterminismReport): Record<string, unknown> {
  return {
    identical: r.identical,
    runsPerVariant: r.runsPerVariant,
    runs: r.runs.map((v) => ({
      label: v.label, variant: v.variant, run: v.run, where: v.where, chunkSize: v.chunkSize, trace: v.trace, env: v.env, shown: v.shown,
      runId: v.summary?.runId ?? null, resultSha256: v.summary?.resultSha256 ?? null, recordSha256: v.summary?.recordSha256 ?? null,
      traceRoot: v.summary && v.trace === 'full' ? v.summary.traceRoot : null, leaves: v.summary?.leafHashes.length ?? null, traceBytes: v.summary?.traceBytes ?? null,
      instructions: v.summary?.instructions ?? null, fuelUsed: v.summary?.fuelUsed ?? null, error: v.error,
    })),
    compared: r.compared,
    first: r.first,
    notes: r.notes,
  };
}

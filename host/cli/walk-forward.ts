/**
 * @module cli/walk-forward
 * `backproof walk-forward` (docs/WALK-FORWARD.md); `backproof verify <walk-forward-folder>` is
 * cli/verify's, handed to verifyWalkForward through verifyWalkForwardCommand here.
 */
import {
  EXIT, UsageError, keyFingerprint, loadPublicKeyRaw, rawPublicKey, walkForward, verifyWalkForward,
} from '../index.ts';
import { DEFAULT_SIGNING_KEY } from './args.ts';
import { countOption, runOptionsOf, seedOption, sweepCmd } from './sweep.ts';
import { SCHEMA_PREFIX, str, type CommandSpec, type Invocation, type OptionSpec, type Outcome } from './command.ts';
import { PROGRESS_OPTIONS, progressFor } from './progress.ts';

/** backproof sweep's options of these names, as sweep describes them (they mean the same here). */
function sweepOptionsNamed(...names: string[]): OptionSpec[] {
  return names.map((n) => sweepCmd.options.find((o) => o.name === n)!);
}

export const walkForwardCmd: CommandSpec = {
  name: 'walk-forward',
  summary: 'walk-forward optimisation: a sweep on each train window, the best run on the next test window, equity stitched',
  usage: '--strategy <file.ts|file.wasm> --data <file.csv> --grid NAME=SPEC ... --objective STAT[:max|:min] --train D --test D --out DIR [options]',
  about: `Cuts the data into windows (durations D: a whole number and y, m, w or d; calendar arithmetic in UTC):
rolling — window k trains on [first + k·step, + train) — or --anchored — it trains on [first, first + k·step
+ train) —, and tests on the test duration right after its train range (the last test range ends at the data).
On each train range it sweeps the grid (every combination an audited run, as backproof sweep), chooses the
best by the objective (equal values: the lower combination index), and runs that choice on the test range.
Writes DIR/walk-forward.json (the plan), windows/<w>/train and windows/<w>/test (sweep folders), equity.csv
(the test runs' equity stitched: each window starts from the previous one's end), summary.json, report.html
and walk-forward-record.json (one signed root over every run). Made beside DIR, renamed into place when complete.`,
  options: [
    ...sweepOptionsNamed('strategy'),
    { name: 'data', type: 'string', multiple: true, arg: '[NAME=]FILE[@PERIOD]', help: 'the data file (one)' },
    ...sweepOptionsNamed('grid', 'samples', 'seed', 'where', 'objective'),
    str('train', 'D', 'each in-sample range\'s length, e.g. 2y, 18m'),
    str('test', 'D', 'each out-of-sample range\'s length, e.g. 6m'),
    str('step', 'D', 'how far each window moves (default: the test length; not shorter than it)'),
    { name: 'anchored', type: 'boolean', help: 'every train range starts at the data\'s first bar (default: it slides)' },
    str('min-bars', 'N', 'fewest bars a train or test range may hold (default 2): fewer is a usage error'),
    str('out', 'DIR', 'the walk-forward folder (must not exist)'),
    ...sweepOptionsNamed('workers', 'max-combinations', 'key', 'unsigned', 'cash', 'commission', 'periods-per-year', 'trace', 'timezone', 'date-format', 'duplicates', 'timeout'),
    str('isolation', 'v8|wasi|process', `where every run's guest runs: v8 (its guest thread, default), wasi (Wasmer in a worker thread)
or process (a child process under Node's permission model); every run, the choices and the root are the same under each`),
    ...PROGRESS_OPTIONS,
  ],
  positionals: 0,
  examples: [
    'backproof walk-forward --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --grid fast=5,10 --grid slow=20,40 --objective sharpe --train 2y --test 1y --out wf/sma --unsigned',
    'backproof walk-forward --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --grid fast=5..20:5 --grid slow=30 --objective returnPct --train 3y --test 6m --anchored --out wf/anchored --unsigned --json',
  ],
  exits: [0, 2, 3, 4, 6],
  schema: 'walk-forward@1',
  async run({ values, text, ctx }) {
    for (const [opt, what] of [['strategy', '<file.ts|file.wasm>'], ['data', '<file.csv>'], ['grid', 'NAME=SPEC'], ['objective', 'STAT[:max|:min]'], ['train', 'D (e.g. 2y)'], ['test', 'D (e.g. 6m)'], ['out', 'DIR']] as const)
      if (!values[opt]) throw new UsageError('USAGE', `walk-forward needs --${opt} ${what}`);
    const { config, dataOptions, timeoutSeconds, key } = await runOptionsOf(values);
    const bar = progressFor('walk-forward', values, ctx, 'runs');
    const r = await walkForward({
      strategy: values.strategy as string, data: values.data as string[], dataOptions, config,
      grids: values.grid as string[], samples: countOption('samples', values.samples), seed: seedOption(values.seed),
      where: values.where as string | undefined, objective: values.objective as string,
      rule: { train: values.train as string, test: values.test as string, step: values.step as string | undefined, anchored: values.anchored === true, minBars: countOption('min-bars', values['min-bars']) ?? 2 },
      out: values.out as string, workers: countOption('workers', values.workers), maxCombinations: countOption('max-combinations', values['max-combinations']),
      key, timeoutMs: timeoutSeconds * 1000, isolation: values.isolation as string | undefined,
      progress: bar.counter,
    }).finally(bar.stop);
    const fingerprint = key ? keyFingerprint(rawPublicKey(key)) : null;
    const last = r.stitched.at(-1);
    const equityFinal = last && last.length > 0 ? last[last.length - 1]! : null;
    text.log(`walk-forward id  ${r.record.sweepId}`);
    text.log(`windows          ${r.plan.windows.length} (${r.plan.rule.anchored ? 'anchored' : 'rolling'}, train ${r.plan.rule.train}, test ${r.plan.rule.test}, step ${r.plan.rule.step})`);
    text.log(`runs             ${r.record.count}`);
    text.log(`root             ${r.record.root}`);
    text.log(`record           ${fingerprint ? `signed by key ${fingerprint}` : 'unsigned'}`);
    for (const w of r.windows) text.log(`window ${w.index}  ${r.plan.windows[w.index]!.test.from} … ${r.plan.windows[w.index]!.test.to}: ${Object.entries(w.chosen.params).map(([k, v]) => `${k}=${v}`).join(' ')} (IS ${r.plan.sweep.objective.stat} ${w.chosen.objective}), OOS ${r.plan.sweep.objective.stat} ${w.test.objective}`);
    text.log(`stitched equity  ${equityFinal}`);
    text.log(`folder           ${r.dir}`);
    if (!key && !values.unsigned) ctx.err.log(`\n*** WARNING: this walk-forward is UNSIGNED: no --key was given and ${DEFAULT_SIGNING_KEY} does not exist; pass --unsigned to mean it. ***\n`);
    return {
      exit: EXIT.ok,
      json: {
        id: r.record.sweepId, dir: r.dir, count: r.record.count, root: r.record.root, planSha256: r.record.planSha256,
        signed: key !== null, keyFingerprint: fingerprint, objective: r.plan.sweep.objective, equityFinal,
        windows: r.windows.map((w) => {
          const pw = r.plan.windows[w.index]!;
          return {
            index: w.index, train: { from: pw.train.from, to: pw.train.to, bars: pw.train.bars }, test: { from: pw.test.from, to: pw.test.to, bars: pw.test.bars },
            params: w.chosen.params, inSample: w.chosen.objective, outOfSample: w.test.objective, runId: w.test.runId, recordSha256: w.test.recordSha256,
          };
        }),
      },
    };
  },
};

/** `backproof verify <walk-forward-folder>` (cli/verify hands a folder holding walk-forward.json here). */
export async function verifyWalkForwardCommand({ values, positionals, text }: Invocation): Promise<Outcome> {
  const dir = positionals[0]!;
  for (const opt of ['rebuild', 'vkey', 'log-proof'])
    if (values[opt] !== undefined && values[opt] !== false) throw new UsageError('USAGE', `--${opt} applies to a run folder; ${dir} is a walk-forward folder`);
  const trustedKey = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
  const r = await verifyWalkForward({ dir, trustedKey, dataPath: values.data as string[] | undefined, strict: values.strict === true });
  text.log(`OK walk-forward ${r.id}: ${r.steps.join(' → ')}`);
  text.log(r.signed ? `signed by key ${r.keyFingerprint}${trustedKey ? ' (the trusted key)' : ' (not pinned: pass --pubkey to require a key)'}; every sweep and run signed by it` : 'UNSIGNED: integrity checked, but nobody vouches for this walk-forward');
  text.log(`windows    ${r.windows}, runs ${r.count}, each verified`);
  text.log(`root       ${r.root}`);
  for (const u of r.unverified) text.log(`UNVERIFIED ${u.file}: ${u.why} (--strict fails on it)`);
  return {
    exit: EXIT.ok,
    json: { schema: `${SCHEMA_PREFIX}walk-forward-verify@1`, ok: true, id: r.id, steps: r.steps, signed: r.signed, keyFingerprint: r.keyFingerprint, keyPinned: trustedKey !== null, windows: r.windows, count: r.count, root: r.root, planSha256: r.planSha256, unverified: r.unverified.map((u) => u.file) },
  };
}

export { removeWalkForwardPartials } from '../index.ts';

/**
 * @module sweep/report
 * The sweep's report.html: one self-contained, deterministic page (no script, no clock, numbers
 * written by fixed4 as run reports write them) — the sweep record's fields, a heatmap of the
 * objective over two parameters (the first two by name, or those asked: each cell the best value
 * among the combinations there, linking that run's report), and the top runs, each linking its run
 * folder's own report.html. verify renders it again and compares the bytes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixed4, REPORT_FILE, writeFileAtomic } from '../report/index.ts';
import { UsageError } from '../errors.ts';
import { decodeSignedRecord } from '../audit/record.ts';
import { readPlan } from './plan.ts';
import { readSweepRecord } from './record.ts';
import { ranked, summaryRows } from './summary.ts';
import { runFolderName } from './run.ts';
import { fromHex } from '../../traces/index.ts';
import { keyFingerprint } from '../audit/keys.ts';
import { SUMMARY_STATS, SWEEP_FILES, type CombinationResult, type SummaryRow, type SweepPlan, type SweepRecord } from './types.ts';

/** How many of the best runs the page lists. */
export const TOP_RUNS = 10;
/** Most cells the heatmap draws (columns × rows): above it the page says so and draws none. */
export const MAX_HEATMAP_CELLS = 40_000;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The heatmap's axes: `x` and `y` when given (grid parameters), else the first two parameters by name. */
export function heatmapAxes(plan: SweepPlan, x?: string, y?: string): { x: string; y: string | null } {
  const names = plan.space.grids.map((g) => g.name);
  for (const [opt, n] of [['--x', x], ['--y', y]] as const)
    if (n !== undefined && !names.includes(n)) throw new UsageError('USAGE', `${opt} ${n} is not a grid parameter (the grid has ${names.join(', ')})`);
  const ax = x ?? names.find((n) => n !== y)!;
  const ay = y ?? names.find((n) => n !== ax) ?? null;
  if (ax === ay) throw new UsageError('USAGE', `--x and --y are both ${ax}`);
  return { x: ax, y: ay };
}

/** A colour from worst (0) to best (1) of the objective: integer RGB, so the text is the same everywhere. */
function colour(t: number): string {
  const lerp = (a: number, b: number): number => Math.round(a + (b - a) * t);
  return `rgb(${lerp(215, 26)},${lerp(48, 152)},${lerp(39, 80)})`;
}

const runLink = (plan: SweepPlan, index: number): string => `${SWEEP_FILES.runs}/${runFolderName(index, plan.combinations.length)}/${REPORT_FILE}`;

function heatmap(plan: SweepPlan, rows: readonly SummaryRow[], axes: { x: string; y: string | null }): string {
  // the axes are the values the runs have, ascending: a sample of a large grid draws its few runs, not the grid
  const values = (name: string): number[] => [...new Set(rows.map((r) => r.params[name]!))].sort((a, b) => a - b);
  const xs = values(axes.x), ys = axes.y === null ? [null] : values(axes.y);
  if (xs.length * ys.length > MAX_HEATMAP_CELLS)
    return `<p class="heat">no heatmap: the runs have ${xs.length} values of ${esc(axes.x)}${axes.y === null ? '' : ` and ${ys.length} of ${esc(axes.y)}`}, more than ${MAX_HEATMAP_CELLS} cells; summary.csv has every run</p>`;
  // each cell's best row: rows ranked best first, the first to reach a cell keeps it
  const cells = new Map<string, SummaryRow>();
  for (const r of ranked(plan, rows)) {
    const key = `${r.params[axes.x]}|${axes.y === null ? '' : r.params[axes.y]}`;
    if (!cells.has(key)) cells.set(key, r);
  }
  const finite = rows.map((r) => r.objective).filter((v): v is number => v !== null);
  // (a loop, not Math.min(...): a spread of a million arguments overflows the stack)
  let lo = finite.length ? finite[0]! : 0, hi = lo;
  for (const v of finite) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const score = (v: number): number => (hi === lo ? 1 : plan.objective.direction === 'max' ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo));
  const out: string[] = [];
  out.push(`<table class="heat"><caption>${esc(plan.objective.stat)} (${plan.objective.direction}) over ${esc(axes.x)} (columns)${axes.y === null ? '' : ` and ${esc(axes.y)} (rows)`}; each cell the best run there</caption>`);
  out.push(`<tr><th>${axes.y === null ? '' : `${esc(axes.y)} \\ ${esc(axes.x)}`}</th>${xs.map((x) => `<th>${x}</th>`).join('')}</tr>`);
  for (const y of ys) {
    const cellsOfRow = xs.map((x) => {
      const r = cells.get(`${x}|${y === null ? '' : y}`);
      if (!r) return '<td class="none"></td>';
      if (r.objective === null) return `<td class="nan"><a href="${runLink(plan, r.index)}">NaN</a></td>`;
      return `<td style="background:${colour(score(r.objective))}"><a href="${runLink(plan, r.index)}" title="run ${r.index}">${fixed4(r.objective)}</a></td>`;
    });
    out.push(`<tr><th>${y === null ? '' : y}</th>${cellsOfRow.join('')}</tr>`);
  }
  out.push('</table>');
  return out.join('\n');
}

/**
 * The ten best runs: rank, index, params, the objective, then the SUMMARY_STATS other than the objective
 * (each statistic once). `objectiveTwice`: also the objective among them, as sweeps made before wrote it.
 */
function topRuns(plan: SweepPlan, rows: readonly SummaryRow[], objectiveTwice: boolean): string {
  const names = plan.space.grids.map((g) => g.name);
  const others = SUMMARY_STATS.filter((s) => objectiveTwice || s !== plan.objective.stat);
  const out = [`<table class="top"><caption>the ${Math.min(TOP_RUNS, rows.length)} best runs by ${esc(plan.objective.stat)} (${plan.objective.direction})</caption>`];
  out.push(`<tr><th>rank</th><th>index</th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}<th>${esc(plan.objective.stat)}</th>${others.map((s) => `<th>${s}</th>`).join('')}<th>run</th></tr>`);
  ranked(plan, rows).slice(0, TOP_RUNS).forEach((r, k) => {
    out.push(`<tr><td>${k + 1}</td><td>${r.index}</td>${names.map((n) => `<td>${r.params[n]}</td>`).join('')}<td>${fixed4(r.objective)}</td>${others.map((s) => `<td>${fixed4(r.stats[s] as number | null)}</td>`).join('')}<td><a href="${runLink(plan, r.index)}">${r.runId}</a></td></tr>`);
  });
  out.push('</table>');
  return out.join('\n');
}

/**
 * How the signer's key is shown: its key id (keyFingerprint, as the CLI, verify and a run's report name it),
 * or, as sweeps before the key id was shown wrote it, the whole public key in hex (verify still accepts those).
 */
export type KeyShown = 'fingerprint' | 'full';

/**
 * The report.html verify expects of a sweep folder holding `actual`: the current rendering, or one that sweeps
 * made before wrote, when the folder holds exactly that: the objective also among the top runs' statistics
 * (when it is one of them), with the signer's key id or (KeyShown) the whole key.
 */
export function expectedSweepReport(plan: SweepPlan, rows: readonly SummaryRow[], record: SweepRecord, actual: Uint8Array): string {
  const current = renderSweepReport(plan, rows, record);
  const twice = (SUMMARY_STATS as readonly string[]).includes(plan.objective.stat) ? [false, true] : [false];
  const earlier: Array<[KeyShown, boolean]> = [];
  for (const keyShown of record.signature === '' ? ['fingerprint' as const] : ['fingerprint' as const, 'full' as const])
    for (const objectiveTwice of twice) if (keyShown === 'full' || objectiveTwice) earlier.push([keyShown, objectiveTwice]);
  for (const [keyShown, objectiveTwice] of earlier) {
    const html = renderSweepReport(plan, rows, record, heatmapAxes(plan), keyShown, objectiveTwice);
    if (Buffer.from(actual).equals(Buffer.from(html))) return html;
  }
  return current;
}

/** report.html of a sweep. */
export function renderSweepReport(plan: SweepPlan, rows: readonly SummaryRow[], record: SweepRecord, axes = heatmapAxes(plan), keyShown: KeyShown = 'fingerprint', objectiveTwice = false): string {
  const grid = plan.space.grids.map((g) => `${esc(g.name)}=${esc(g.spec)}`).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sweep ${record.sweepId}</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}
caption{text-align:left;font-weight:bold;padding:4px 0}
.heat td a{color:#fff;text-decoration:none}
.heat td.nan a{color:#222}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
dd{margin:0;font-family:monospace}
</style>
</head>
<body>
<h1>Sweep ${record.sweepId}</h1>
<dl>
<dt>strategy</dt><dd>${esc(plan.strategy.file)} (module ${plan.strategy.wasmSha256})</dd>
<dt>data</dt><dd>${plan.data.map((d) => `${esc(d.spec)} (${d.sha256})`).join('<br>')}</dd>
<dt>grid</dt><dd>${grid}${plan.space.random ? ` — ${plan.space.random.samples} drawn with seed ${plan.space.random.seed}` : ''}${plan.space.where === null ? '' : ` where ${esc(plan.space.where)}`}</dd>
<dt>runs</dt><dd>${record.count}</dd>
<dt>sweep root</dt><dd>${record.root}</dd>
<dt>plan</dt><dd>${record.planSha256}</dd>
<dt>signature</dt><dd>${record.signature === '' ? 'UNSIGNED' : `Ed25519, key ${keyShown === 'full' ? record.publicKey : keyFingerprint(fromHex(record.publicKey))}`}</dd>
</dl>
${heatmap(plan, rows, axes)}
${topRuns(plan, rows, objectiveTwice)}
</body>
</html>
`;
}

/**
 * `backproof report <sweep-folder>`: the sweep's page rendered again from the folder — the plan, the
 * sweep record, and each run's record.pb and stats.json (not summary.json) — with the heatmap over
 * `x` and `y` when given, written to `out`. The sweep's own report.html (the default `out`) is the page
 * of the default axes, the one verify checks: other axes need an `out` of their own. Checks nothing:
 * `backproof verify` does.
 */
export async function writeSweepReport(dir: string, opts: { x?: string; y?: string; out?: string } = {}): Promise<{ file: string; axes: { x: string; y: string | null } }> {
  const read = (name: string): Promise<Uint8Array> => readFile(path.join(dir, name)).then((b) => new Uint8Array(b), (e) => {
    throw new UsageError('USAGE', `${dir} is not a complete sweep folder: cannot read ${name} (${(e as NodeJS.ErrnoException).code})`);
  });
  const plan = readPlan(await read(SWEEP_FILES.plan));
  const record = readSweepRecord(await read(SWEEP_FILES.record), null);
  const axes = heatmapAxes(plan, opts.x, opts.y);
  const defaults = heatmapAxes(plan);
  if (opts.out === undefined && (axes.x !== defaults.x || axes.y !== defaults.y))
    throw new UsageError('USAGE', `the sweep's own ${SWEEP_FILES.report} has the heatmap over ${defaults.x}${defaults.y ? ` and ${defaults.y}` : ''} (verify checks it): give --out FILE.html for other axes`);
  const results: CombinationResult[] = [];
  for (const c of plan.combinations) {
    const run = path.join(SWEEP_FILES.runs, runFolderName(c.index, plan.combinations.length));
    const rec = decodeSignedRecord(await read(path.join(run, 'record.pb')));
    const stats = JSON.parse(Buffer.from(await read(path.join(run, 'stats.json'))).toString('utf8')) as CombinationResult['stats'];
    results.push({ index: c.index, runId: rec.runId, recordSha256: createHash('sha256').update(rec.recordBytes).digest('hex'), runDir: path.join(dir, run), stats });
  }
  const file = opts.out ?? path.join(dir, SWEEP_FILES.report);
  await writeFileAtomic(file, renderSweepReport(plan, summaryRows(plan, results), record, axes));
  return { file, axes };
}

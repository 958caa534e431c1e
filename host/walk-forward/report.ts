/**
 * @module walk-forward/report
 * The walk-forward's report.html: one self-contained, deterministic page (no script, no clock; numbers
 * by fixed4 as run reports write them, the chart's coordinates rounded to 0.1) — the record's fields,
 * the stitched out-of-sample equity as an SVG line (a dashed rule at each window's start), and a row per
 * window: train and test ranges, the chosen params and in-sample objective (linking the window's sweep
 * report), the out-of-sample statistics (linking its run's report). verify renders it again.
 */
import { fixed4, REPORT_FILE } from '../report/index.ts';
import { isoTime } from '../model/bars.ts';
import { SUMMARY_STATS, SWEEP_FILES, type SweepRecord } from '../sweep/index.ts';
import { windowFolderName, WALK_FORWARD_FILES, WINDOW_SWEEPS, type WalkForwardPlan } from './plan.ts';
import type { WindowResult } from './stitch.ts';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const W = 900, H = 260, PAD = 10;
const r1 = (v: number): string => (Math.round(v * 10) / 10).toFixed(1);

/** The stitched equity as an SVG polyline over the test bars' times, with a dashed rule where each window starts. */
function equityChart(stitched: readonly Float64Array[], times: readonly BigInt64Array[]): string {
  const all = stitched.flatMap((a) => [...a]).filter((v) => Number.isFinite(v));
  const ts = times.flatMap((a) => [...a]);
  if (all.length === 0 || ts.length === 0) return '<p>no out-of-sample equity</p>';
  const lo = Math.min(...all), hi = Math.max(...all);
  const t0 = Number(ts[0]! / 1_000_000_000n), t1 = Number(ts[ts.length - 1]! / 1_000_000_000n);
  const x = (t: bigint): number => PAD + (t1 === t0 ? 0 : ((Number(t / 1_000_000_000n) - t0) / (t1 - t0)) * (W - 2 * PAD));
  const y = (v: number): number => H - PAD - (hi === lo ? 0.5 : (v - lo) / (hi - lo)) * (H - 2 * PAD);
  const points: string[] = [];
  const rules: string[] = [];
  stitched.forEach((values, w) => {
    const tw = times[w]!;
    if (tw.length > 0) rules.push(`<line x1="${r1(x(tw[0]!))}" y1="0" x2="${r1(x(tw[0]!))}" y2="${H}" stroke="#bbb" stroke-dasharray="4 3"/>`);
    values.forEach((v, i) => {
      if (Number.isFinite(v)) points.push(`${r1(x(tw[i]!))},${r1(y(v))}`);
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
${rules.join('\n')}
<polyline fill="none" stroke="#1a7f37" stroke-width="1.5" points="${points.join(' ')}"/>
<text x="${PAD}" y="${PAD + 10}" font-size="11">${fixed4(hi)}</text>
<text x="${PAD}" y="${H - PAD}" font-size="11">${fixed4(lo)}</text>
</svg>`;
}

function windowTable(plan: WalkForwardPlan, windows: readonly WindowResult[], stitched: readonly Float64Array[]): string {
  const names = plan.sweep.space.grids.map((g) => g.name);
  const stat = esc(plan.sweep.objective.stat);
  const others = SUMMARY_STATS.filter((s) => s !== plan.sweep.objective.stat); // (the objective has its own column)
  const out = [`<table><caption>windows (in-sample: ${stat} ${plan.sweep.objective.direction} over the grid; out-of-sample: the chosen params)</caption>`];
  out.push(`<tr><th>window</th><th>train</th><th>test</th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}<th>IS ${stat}</th><th>OOS ${stat}</th>${others.map((s) => `<th>OOS ${s}</th>`).join('')}<th>stitched equity</th><th>runs</th></tr>`);
  windows.forEach((w, k) => {
    const pw = plan.windows[k]!;
    const folder = `${WALK_FORWARD_FILES.windows}/${windowFolderName(k, plan.windows.length)}`;
    const eq = stitched[k]!;
    out.push(`<tr><td>${w.index}</td><td>${pw.train.from}<br>${pw.train.to}<br>${pw.train.bars} bars</td><td>${pw.test.from}<br>${pw.test.to}<br>${pw.test.bars} bars</td>`
      + `${names.map((n) => `<td>${w.chosen.params[n]}</td>`).join('')}<td>${fixed4(w.chosen.objective)}</td><td>${fixed4(w.test.objective)}</td>`
      + `${others.map((s) => `<td>${fixed4(w.test.stats[s] as number | null)}</td>`).join('')}<td>${fixed4(eq.length > 0 ? eq[eq.length - 1]! : null)}</td>`
      + `<td><a href="${folder}/${WINDOW_SWEEPS.train}/${SWEEP_FILES.report}">in-sample sweep</a><br><a href="${folder}/${WINDOW_SWEEPS.test}/${SWEEP_FILES.runs}/0000/${REPORT_FILE}">out-of-sample run ${w.test.runId}</a></td></tr>`);
  });
  out.push('</table>');
  return out.join('\n');
}

/** report.html of a walk-forward. */
export function renderWalkForwardReport(plan: WalkForwardPlan, windows: readonly WindowResult[], stitched: readonly Float64Array[], testTimes: readonly BigInt64Array[], record: SweepRecord): string {
  const s = plan.sweep;
  const grid = s.space.grids.map((g) => `${esc(g.name)}=${esc(g.spec)}`).join(' ');
  const last = stitched.at(-1);
  const first = testTimes.find((t) => t.length > 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Walk-forward ${record.sweepId}</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:right;white-space:nowrap}
caption{text-align:left;font-weight:bold;padding:4px 0}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
dd{margin:0;font-family:monospace}
</style>
</head>
<body>
<h1>Walk-forward ${record.sweepId}</h1>
<dl>
<dt>strategy</dt><dd>${esc(s.strategy.file)} (module ${s.strategy.wasmSha256})</dd>
<dt>data</dt><dd>${s.data.map((d) => `${esc(d.spec)} (${d.sha256})`).join('<br>')}, ${plan.span.first} … ${plan.span.last} (${plan.span.bars} bars)</dd>
<dt>windows</dt><dd>${plan.windows.length}: ${plan.rule.anchored ? 'anchored' : 'rolling'}, train ${esc(plan.rule.train)}, test ${esc(plan.rule.test)}, step ${esc(plan.rule.step)}, at least ${plan.rule.minBars} bars each</dd>
<dt>grid</dt><dd>${grid}${s.space.random ? ` — ${s.space.random.samples} drawn with seed ${s.space.random.seed}` : ''}${s.space.where === null ? '' : ` where ${esc(s.space.where)}`}</dd>
<dt>objective</dt><dd>${esc(s.objective.stat)} (${s.objective.direction})</dd>
<dt>runs</dt><dd>${record.count}</dd>
<dt>root</dt><dd>${record.root}</dd>
<dt>plan</dt><dd>${record.planSha256}</dd>
<dt>signature</dt><dd>${record.signature === '' ? 'UNSIGNED' : `Ed25519, key ${record.publicKey}`}</dd>
<dt>stitched equity</dt><dd>${fixed4(s.config.cash as number)} → ${fixed4(last && last.length > 0 ? last[last.length - 1]! : null)}${first ? ` from ${isoTime(first[0]!)}` : ''} (${WALK_FORWARD_FILES.equity})</dd>
</dl>
${equityChart(stitched, testTimes)}
${windowTable(plan, windows, stitched)}
</body>
</html>
`;
}

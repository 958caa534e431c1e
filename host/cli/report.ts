/**
 * @module cli/report
 * `backproof report <run-dir>`: the run's HTML report, one self-contained page (host/report).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, REPORT_FILE, UsageError, writeReport, writeSweepReport, writeWalkForwardReport } from '../index.ts';
import { SCHEMA_PREFIX, str, type CommandSpec } from './command.ts';

export const reportCmd: CommandSpec = {
  name: 'report',
  summary: 'write a run\'s HTML report: charts, stats, trades, orders, audit (one self-contained page)',
  usage: '<run-dir|sweep-dir|walk-forward-dir> [--out FILE.html] [--data FILE ...] [--x PARAM] [--y PARAM]',
  about: `Renders the run folder into one HTML page that needs nothing else (the chart library is inlined; it
loads nothing): candlesticks with the trades' entries and exits, equity and drawdown, the statistics,
the trades and orders (with rejection reasons; at most 1000 rows each, the rest counted and left in
the CSV files) and the audit record (record hash, trace root, signature, the commands that check and
replay the run). backtest writes it as <run-dir>/${REPORT_FILE} (unless --no-report); the same folder
always gives the same bytes, so verify checks that file. The page checks nothing itself: the data
files are read at their recorded paths and must hash as recorded.
A sweep folder's page (docs/SWEEP.md) is rendered again from its plan, record and runs: the heatmap of
the objective over --x and --y (default: the first two parameters by name; other axes need --out).
A walk-forward folder's page (docs/WALK-FORWARD.md) is rendered again from its plan, record, window sweeps and test runs.`,
  options: [
    { name: 'out', type: 'string', arg: 'FILE.html', help: `where to write the page (default <run-dir>/${REPORT_FILE}); must end in .html.
An existing page there is replaced (a report written again)` },
    { name: 'data', type: 'string', multiple: true, arg: 'FILE', help: 'a copy of a data file moved from its recorded path (one per recorded file, in record order or as SYMBOL=FILE)' },
    str('x', 'PARAM', 'a sweep folder: the parameter of the heatmap\'s columns'),
    str('y', 'PARAM', 'a sweep folder: the parameter of the heatmap\'s rows'),
  ],
  positionals: 1,
  examples: ['backproof report runs/demo', 'backproof report runs/demo --out runs/demo-report.html', 'backproof report sweeps/sma --x slow --y fast --out sweeps/sma-slow-fast.html'],
  exits: [0, [2, 'usage, or not a run folder'], [3, 'a data file cannot be read'], [5, 'record.pb, result.pb or a data file is not what the record says']],
  schema: 'report@1',
  async run({ values, positionals, text }) {
    const dir = positionals[0];
    if (!dir) throw new UsageError('USAGE', 'report needs a run folder: backproof report <run-dir>');
    const out = values.out as string | undefined;
    // A page's name only: never a source, data or any other file that --out might name by mistake.
    if (out !== undefined && !out.endsWith('.html')) throw new UsageError('USAGE', `--out ${out}: the report's file must end in .html`);
    if (existsSync(path.join(dir, 'sweep.json'))) {
      if (values.data !== undefined) throw new UsageError('USAGE', `--data applies to a run folder; ${dir} is a sweep folder`);
      const r = await writeSweepReport(dir, { x: values.x as string | undefined, y: values.y as string | undefined, out });
      text.log(`wrote ${r.file}`);
      return { exit: EXIT.ok, json: { schema: `${SCHEMA_PREFIX}sweep-report@1`, sweepDir: dir, report: r.file, x: r.axes.x, y: r.axes.y } };
    }
    if (existsSync(path.join(dir, 'walk-forward.json'))) {
      for (const o of ['data', 'x', 'y']) if (values[o] !== undefined) throw new UsageError('USAGE', `--${o} applies to a run or sweep folder; ${dir} is a walk-forward folder`);
      const r = await writeWalkForwardReport(dir, { out });
      text.log(`wrote ${r.file}`);
      return { exit: EXIT.ok, json: { schema: `${SCHEMA_PREFIX}walk-forward-report@1`, walkForwardDir: dir, report: r.file } };
    }
    if (values.x !== undefined || values.y !== undefined) throw new UsageError('USAGE', `--x and --y apply to a sweep folder; ${dir} has no sweep.json`);
    const file = await writeReport(dir, { out, data: values.data as string[] | undefined });
    text.log(`wrote ${file}`);
    return { exit: EXIT.ok, json: { runDir: dir, report: file } };
  },
};

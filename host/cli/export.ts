/**
 * @module cli/export
 * `backproof export <run-dir>`: a run's CSV files streamed from result.pb (host/inspect/export).
 */
import { EXIT, EXPORT_KINDS, exportRun, UsageError } from '../index.ts';
import type { CommandSpec } from './command.ts';

export const exportCmd: CommandSpec = {
  name: 'export',
  summary: 'write a run\'s CSV files from result.pb: equity.csv (a row per bar), trades.csv, orders.csv',
  usage: '<run-dir> [--equity] [--trades] [--orders] [--out FILE.csv|DIR] [--data FILE…] [--force]',
  about: `Streams the CSV renderings of the run's result, byte for byte what verify re-renders and what
backtest --csv writes: equity.csv (Bar,Time,Equity: one row per event, its time from the data, which
must hash as recorded), trades.csv and orders.csv (backtest writes none of them unless --csv asks:
their rows are all in result.pb).
Checks the record's hash chain and result.pb's hash first. Written into the run folder by default,
where verify checks them like every other file; each file is written aside and renamed into place.`,
  options: [
    { name: 'equity', type: 'boolean', help: 'equity.csv (the default when no file is named)' },
    { name: 'trades', type: 'boolean', help: 'trades.csv' },
    { name: 'orders', type: 'boolean', help: 'orders.csv' },
    { name: 'out', type: 'string', arg: 'FILE.csv|DIR', help: `a folder to write into (an existing one, or one ending in /), or the one
file to write (must end in .csv); default: the run folder` },
    { name: 'data', type: 'string', multiple: true, arg: 'FILE', help: 'a copy of a data file moved from its recorded path (equity.csv\'s times): one per recorded file, in record order or as SYMBOL=FILE' },
    { name: 'force', type: 'boolean', help: `replace an existing file (the run folder's own CSV files are always replaced:
they are the same bytes); a data file of the run is never replaced` },
  ],
  positionals: 1,
  examples: ['backproof export runs/demo', 'backproof export runs/demo --trades --equity --out exports/', 'backproof export runs/demo --out equity-demo.csv'],
  exits: [0, [2, 'usage, not a run folder, or the file exists'], [3, 'the data file cannot be read'], [5, 'record.pb, result.pb or the data file is not what the record says']],
  schema: 'export@1',
  async run({ values, positionals, text }) {
    const dir = positionals[0];
    if (!dir) throw new UsageError('USAGE', 'export needs a run folder: backproof export <run-dir>');
    const kinds = EXPORT_KINDS.filter((k) => values[k] === true);
    const files = await exportRun(dir, { kinds, out: values.out as string | undefined, data: values.data as string[] | undefined, force: values.force === true });
    for (const f of files) text.log(`wrote ${f.file} (${f.bytes} bytes)`);
    return { exit: EXIT.ok, json: { runDir: dir, files } };
  },
};

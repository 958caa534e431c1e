/**
 * @module data/stand-in
 * `--data` on a command that reads a recorded run (verify, replay, trace, report): copies of the run's
 * data files standing in for their recorded paths, which are relative to the folder the run was made in
 * (so a run verified from elsewhere, or with its data moved, names them). One per recorded file: in
 * record order, or `SYMBOL=FILE` naming the file by the symbol the run gave it (the backtest's own form).
 */
import path from 'node:path';
import { UsageError } from '../errors.ts';

/** What --data gave: nothing, one value, or several (the option repeated). */
export type DataStandIns = string | readonly string[] | undefined;

/** The values given, as a list (none: empty). */
export function standInList(given: DataStandIns): readonly string[] {
  return given === undefined ? [] : typeof given === 'string' ? [given] : given;
}

/** The one value given, when exactly one was (a run with one data file), else undefined. */
export function singleStandIn(given: DataStandIns): string | undefined {
  const list = standInList(given);
  return list.length === 1 ? list[0] : undefined;
}

/** A recorded file's symbol: the one recorded, else (records that name none) the run's default, its file name. */
function symbolOf(f: { path: string; symbol?: string }): string {
  return f.symbol || path.basename(f.path).replace(/\.[^.]*$/, '');
}

/**
 * The file to read for each recorded file (`files`, record order): the stand-in given for it, or
 * undefined (its recorded path). A count other than the recorded files', or one SYMBOL= given twice, is
 * a UsageError naming the recorded files. `run` names the run in messages (its id or folder).
 */
export function standInPaths(files: readonly { path: string; symbol?: string }[], given: DataStandIns, run: string): (string | undefined)[] {
  const list = standInList(given);
  if (list.length === 0) return files.map(() => undefined);
  const recorded = files.map((f) => `${symbolOf(f)}=${f.path}`).join(', ');
  if (list.length !== files.length)
    throw new UsageError('USAGE', `--data: run ${run} read ${files.length} data file${files.length === 1 ? '' : 's'} (${recorded}), ${list.length} given: give one per recorded file, in that order or as SYMBOL=FILE`);
  if (files.length === 1) return [named(list[0]!, [symbolOf(files[0]!)])?.file ?? list[0]!];
  const symbols = files.map(symbolOf);
  const out: (string | undefined)[] = files.map(() => undefined);
  const positional: string[] = [];
  for (const value of list) {
    const n = named(value, symbols);
    if (!n) { positional.push(value); continue; }
    const k = symbols.indexOf(n.symbol);
    if (out[k] !== undefined) throw new UsageError('USAGE', `--data: ${n.symbol}= is given twice`);
    out[k] = n.file;
  }
  // values without a recorded SYMBOL= take the files left, in record order
  for (let k = 0; k < out.length; k++) if (out[k] === undefined) out[k] = positional.shift();
  return out;
}

/** `SYMBOL=FILE` when SYMBOL is one of `symbols`; else null (the value is a path). */
function named(value: string, symbols: readonly string[]): { symbol: string; file: string } | null {
  const eq = value.indexOf('=');
  if (eq <= 0) return null;
  const symbol = value.slice(0, eq);
  return symbols.includes(symbol) && eq + 1 < value.length ? { symbol, file: value.slice(eq + 1) } : null;
}

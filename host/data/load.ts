/**
 * @module data/load
 * Reads a data file by its kind (a Lean .zip, or a CSV), with its content hash.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';
import { parseCsv } from './csv.ts';
import { parseLeanZip } from './lean.ts';
import type { DataOptions } from './options.ts';

export interface LoadedData {
  /** As given by the caller. */
  path: string;
  /** The symbol's name in a run (default: the file name without extension). */
  symbol: string;
  sha256: string;
  byteLength: number;
  bars: Bars;
  options: DataOptions;
}

export function parseData(bytes: Uint8Array, file: string, options: DataOptions = {}): Bars {
  return file.endsWith('.zip') ? parseLeanZip(bytes, file, options) : parseCsv(Buffer.from(bytes).toString('utf8'), path.basename(file), options);
}

export async function loadData(file: string, options: DataOptions = {}): Promise<LoadedData> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const bars = parseData(raw, file, options);
  return { path: file, symbol: path.basename(file).replace(/\.[^.]*$/, ''), sha256: createHash('sha256').update(raw).digest('hex'), byteLength: raw.length, bars, options };
}

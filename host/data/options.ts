/**
 * @module data/options
 * How a data file is read. Every option that can change a bar is recorded in the data link.
 */
import { UsageError } from '../errors.ts';
import { isKnownZone } from './time.ts';

export interface DataOptions {
  /** IANA zone of timestamps that carry none (default UTC; Lean files default to America/New_York). */
  timezone?: string;
  /** Order of day and month in d/m/y dates: required when a file's dates are ambiguous. */
  dateFormat?: 'dmy' | 'mdy';
  /** Equal consecutive timestamps: an error (default), or kept in file order (ticks). */
  duplicates?: 'error' | 'keep';
  /** Bar period in ns (a bar is known at its time + period): declared with `--data FILE@1d`; default inferred (engine/events). */
  period?: bigint;
}

export const DEFAULT_DATA_OPTIONS: Required<Omit<DataOptions, 'dateFormat'>> = { timezone: 'UTC', duplicates: 'error' };

/**
 * Checks options before any file is read. A bad value is the caller's mistake, not the data's: a
 * UsageError naming the command-line option that sets it (exit 2), never a DataError.
 */
export function checkDataOptions(options: DataOptions): void {
  const { timezone, dateFormat, duplicates } = options;
  if (timezone !== undefined && !isKnownZone(timezone))
    throw new UsageError('USAGE', `--timezone "${timezone}" is not a time zone this Node knows (use an IANA name such as America/New_York)`);
  if (dateFormat !== undefined && dateFormat !== 'dmy' && dateFormat !== 'mdy')
    throw new UsageError('USAGE', `--date-format must be dmy or mdy, got "${String(dateFormat)}"`);
  if (duplicates !== undefined && duplicates !== 'error' && duplicates !== 'keep')
    throw new UsageError('USAGE', `--duplicates must be keep or error, got "${String(duplicates)}"`);
}

/**
 * @module data/options
 * How a data file is read. Every option that can change a bar is recorded in the data link.
 */
export interface DataOptions {
  /** IANA zone of timestamps that carry none (default UTC; Lean files default to America/New_York). */
  timezone?: string;
  /** Order of day and month in d/m/y dates: required when a file's dates are ambiguous. */
  dateFormat?: 'dmy' | 'mdy';
  /** Equal consecutive timestamps: an error (default), or kept in file order (ticks). */
  duplicates?: 'error' | 'keep';
}

export const DEFAULT_DATA_OPTIONS: Required<Omit<DataOptions, 'dateFormat'>> = { timezone: 'UTC', duplicates: 'error' };

/**
 * @module data/options
 * How a data file is read. Every option that can change a bar is recorded in the data link.
 */
import { UsageError } from '../errors.ts';
import { isKnownZone } from './time.ts';
import type { DataWindow } from './window.ts';

export interface DataOptions {
  /** IANA zone of timestamps that carry none (default UTC; Lean files default to America/New_York). */
  timezone?: string;
  /** Order of day and month in d/m/y dates: required when a file's dates are ambiguous. */
  dateFormat?: 'dmy' | 'mdy';
  /** Equal consecutive timestamps: an error (default), or kept in file order (ticks). */
  duplicates?: 'error' | 'keep';
  /** Bar period in ns (a bar is known at its time + period): declared with `--data FILE@1d`; default inferred (engine/events). */
  period?: bigint;
  /** Only the bars with window.from ≤ time < window.to (data/window: walk-forward); absent: every bar. */
  window?: DataWindow;
}

export const DEFAULT_DATA_OPTIONS: Required<Omit<DataOptions, 'dateFormat' | 'period' | 'window'>> = { timezone: 'UTC', duplicates: 'error' };

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
  const { window } = options;
  if (window !== undefined && !(typeof window.from === 'bigint' && typeof window.to === 'bigint' && window.from < window.to))
    throw new UsageError('USAGE', `a data window must have from < to (ns), got ${String(window.from)}..${String(window.to)}`);
}

const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n, d: 86_400_000_000_000n, w: 604_800_000_000_000n };

/**
 * `--data [NAME=]FILE[@PERIOD]`: the symbol, the file and its declared bar period (a whole number
 * and a unit: ns, us, ms, s, m, h, d, w; `@0` for ticks). An `@` not followed by a period is part of the file name.
 */
export function parseDataSpec(spec: string): { symbol?: string; file: string; period?: bigint } {
  const m = /^(?:([A-Za-z][\w.-]*)=)?(.+?)(?:@(\d{1,18})(ns|us|ms|s|m|h|d|w)?)?$/.exec(spec);
  if (!m) throw new UsageError('USAGE', `--data "${spec}": expected [NAME=]FILE[@PERIOD]`);
  const out: { symbol?: string; file: string; period?: bigint } = { file: m[2]! };
  if (m[1]) out.symbol = m[1];
  if (m[3] !== undefined) {
    if (m[4] === undefined && m[3] !== '0') throw new UsageError('USAGE', `--data "${spec}": the period @${m[3]} needs a unit (ns, us, ms, s, m, h, d, w), e.g. @1d`);
    const period = BigInt(m[3]) * UNIT_NS[m[4] ?? 'ns']!;
    if (period >= 1n << 62n) throw new UsageError('USAGE', `--data "${spec}": the period is too long`);
    out.period = period;
  }
  return out;
}

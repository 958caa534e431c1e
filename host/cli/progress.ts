/**
 * @module cli/progress
 * The progress bar of long commands (backtest, replay, verify; later sweeps), drawn on stderr with
 * cli-progress: bars done of the total, bars/s and the ETA. The run writes a shared counter
 * (engine/progress) every few thousand events from its guest thread; this module reads it from a
 * timer on the main thread, so the engine loop never calls into the display. verify counts its
 * steps in the same counter (its checks run on the main thread: a frame is drawn between steps). Only stderr changes:
 * stdout, results, hashes and files are the same with or without it.
 *
 * Shown when stderr is a terminal, unless --quiet or --json; --progress forces it (also through a
 * pipe, one line per update: how the tests see it), --no-progress turns it off.
 */
import cliProgress from 'cli-progress';
import { progressCounter, readProgress, UsageError, type ProgressCounter } from '../index.ts';
import type { Context, Values } from './args.ts';
import type { OptionSpec } from './command.ts';

/** The options of a command that draws a bar. */
export const PROGRESS_OPTIONS: OptionSpec[] = [
  { name: 'progress', type: 'boolean', help: `draw the progress bar on stderr even when stderr is not a terminal (then one line
per update) or with --quiet or --json` },
  { name: 'no-progress', type: 'boolean', help: 'never draw the progress bar (default: drawn when stderr is a terminal, without --quiet or --json)' },
];

/** The bar of a command, as its --progress/--no-progress, --quiet and --json say. */
export function progressFor(label: string, values: Values, ctx: Context, unit: ProgressUnit = 'bars'): ProgressDisplay {
  if (values.progress && values['no-progress']) throw new UsageError('USAGE', '--progress and --no-progress contradict each other');
  const mode: ProgressMode = values.progress ? 'on' : values['no-progress'] ? 'off' : 'auto';
  return startProgress(label, { mode, quiet: ctx.logLevel === 'silent' || ctx.json === true, unit });
}

/** What the counter counts: a run's bars (with bars/s and the ETA), or a check's steps (verify). */
export type ProgressUnit = 'bars' | 'steps';

/** --progress (on), --no-progress (off), or neither (auto: a terminal, without --quiet or --json). */
export type ProgressMode = 'auto' | 'on' | 'off';

export interface ProgressOptions {
  mode: ProgressMode;
  /** --quiet (or --log-level silent) or --json: no bar in auto mode. */
  quiet: boolean;
  stream?: NodeJS.WriteStream;
  /** Default 'bars'. */
  unit?: ProgressUnit;
  /** How often the counter is read and the bar redrawn. */
  intervalMs?: number;
}

export interface ProgressDisplay {
  /** The counter to hand to the run; undefined when nothing is drawn (the engine then writes nothing). */
  counter: ProgressCounter | undefined;
  /** Draws the last frame and ends the bar (idempotent): call it before anything goes to stdout. */
  stop(): void;
}

const NONE: ProgressDisplay = { counter: undefined, stop: () => {} };

export function progressShown(o: ProgressOptions): boolean {
  const stream = o.stream ?? process.stderr;
  return o.mode === 'on' || (o.mode === 'auto' && stream.isTTY === true && !o.quiet);
}

/**
 * A bar labelled `label` (the command), fed by the returned counter. It appears once the engine has
 * written a total (after the data are loaded and the guest's init) and ends when the engine loop
 * does or at stop().
 */
export function startProgress(label: string, o: ProgressOptions): ProgressDisplay {
  if (!progressShown(o)) return NONE;
  const stream = o.stream ?? process.stderr;
  const intervalMs = o.intervalMs ?? 150;
  const counter = progressCounter();
  const bar = new cliProgress.SingleBar({
    stream: cursorFixed(stream),
    format: o.unit === 'steps' ? `${label} [{bar}] {percentage}% | {value}/{total} steps` : `${label} [{bar}] {percentage}% | {value}/{total} bars | {rate} bars/s | ETA {left}`,
    // The text beside the bar takes up to ~70 columns (a 7-digit count and rate): the bar gets the rest of the terminal.
    barsize: stream.isTTY === true ? Math.max(10, Math.min(30, (stream.columns || 80) - 72)) : 30,
    fps: 1000 / intervalMs,
    synchronousUpdate: false,
    noTTYOutput: true,
    notTTYSchedule: intervalMs,
    linewrap: true,
    // On a terminal the last frame stays; through a pipe each frame is already a line of its own.
    clearOnComplete: stream.isTTY !== true,
  }, cliProgress.Presets.legacy);
  let started = false, stopped = false;
  // bars/s and the ETA: the average since the first frame (a run's pace is steady; the first frame
  // comes after data loading and the guest's init, which are not bars).
  let first: { at: number; done: number } | null = null;
  const pace = (done: number, total: number, at: number): { rate: string; left: string } => {
    const perSecond = first && at > first.at ? ((done - first.done) * 1000) / (at - first.at) : 0;
    if (!(perSecond > 0)) return { rate: '-', left: '-' };
    return { rate: Math.round(perSecond).toLocaleString('en-US'), left: duration((total - done) / perSecond) };
  };
  const tick = (): void => {
    const { done, total, ended } = readProgress(counter);
    if (total === 0) return;
    const at = performance.now();
    if (!started) {
      started = true;
      first = { at, done };
      bar.start(total, done, { rate: '-', left: '-' });
    } else {
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, pace(done, total, at));
    }
    if (ended) stop();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    if (started) bar.stop();
  };
  return {
    counter,
    stop: () => {
      if (!stopped) tick();
      stop();
    },
  };
}

/** Seconds as 45s, 3m05s or 2h07m. */
export function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * stderr as cli-progress sees it, without the cursor save and restore it wraps a bar in: log lines
 * may be written between frames (a run's logs go to stderr too), and restoring a position saved
 * before them would move the cursor back over them.
 */
function cursorFixed(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return (s: string, cb?: () => void) => (s === '\x1B7' || s === '\x1B8' ? (cb?.(), true) : target.write(s, cb));
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

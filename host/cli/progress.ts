/**
 * @module cli/progress
 * The progress display of long commands (backtest, replay, verify; later sweeps), one line on stderr
 * drawn with cli-progress: what the command is doing ("backtest: reading big.csv (50.1 MB)",
 * "backtest: building src/strategy.ts", "backtest: starting: instrumenting the module"), the bar
 * during the engine loop (bars done of the total, bars/s and the ETA), then what it does after the
 * loop ("backtest: finishing: writing run folder runs/x") until it returns; the line is cleared at
 * the end. The run writes a shared counter (engine/progress) every few thousand events from its
 * guest thread, and its stage before the loop; this module reads it from a timer on the main
 * thread, so the engine loop never calls into the display. The phases around the run are told to
 * onPhase by the main thread as it enters them, and drawn at once (their work may hold the main
 * thread, where no timer fires). verify counts its steps in the same counter (its checks run on the
 * main thread: a frame is drawn between steps). Only stderr changes: stdout, results, hashes and
 * files are the same with or without it.
 *
 * Shown when stderr is a terminal, unless --quiet or --json; --progress forces it (also through a
 * pipe, one line per update: how the tests see it), --no-progress turns it off.
 */
import { createRequire } from 'node:module';
import { progressCounter, readProgress, UsageError, type Phase, type PhaseListener, type ProgressCounter } from '../inspect/index.ts';
import type { Context, Values } from './args.ts';
import type { OptionSpec } from './command.ts';

/** cli-progress, loaded when a bar is first drawn (~10 ms and ~5 MB a command without one does not pay). */
let cliProgressModule: typeof import('cli-progress') | undefined;
const cliProgressLib = (): typeof import('cli-progress') => (cliProgressModule ??= createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress'));

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

/** What the counter counts: a run's bars (with bars/s and the ETA), a check's steps (verify), or a sweep's runs. */
export type ProgressUnit = 'bars' | 'steps' | 'runs';

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
  /** To hand to the command: draws each phase it enters, at once; undefined when nothing is drawn. */
  onPhase: PhaseListener | undefined;
  /** Ends the display and clears its line (idempotent): call it before anything goes to stdout. */
  stop(): void;
}

const NONE: ProgressDisplay = { counter: undefined, onPhase: undefined, stop: () => {} };

export function progressShown(o: ProgressOptions): boolean {
  const stream = o.stream ?? process.stderr;
  return o.mode === 'on' || (o.mode === 'auto' && stream.isTTY === true && !o.quiet);
}

/** What a phase is shown as, after the command's name. */
export function phaseText(p: Phase): string {
  switch (p.step) {
    case 'data': return `reading ${p.file}${p.bytes === undefined ? '' : ` (${megabytes(p.bytes)})`}`;
    case 'build': return p.file.endsWith('.ts') ? `building ${p.file}` : `loading ${p.file}`;
    case 'folder': return `reading run folder ${p.dir}`;
    case 'run': return 'starting';
    case 'compare': return 'finishing: comparing with the record';
    case 'divergence': return 'finishing: finding the first divergence (re-executing both sides)';
    case 'write': return `finishing: writing run folder ${p.dir}`;
    case 'report': return 'finishing: rendering report.html';
    case 'log': return 'finishing: appending the record to the log';
  }
}

/** The line of the guest thread's part while the counter shows no bars: its stage before the loop, or its end. */
const STARTING = { instrument: 'starting: instrumenting the module', init: "starting: the strategy's init" } as const;
export const SEALING = 'finishing: committing the trace, result and record';

/**
 * A display labelled `label` (the command), fed by the returned counter and onPhase. In the 'run'
 * phase it shows the counter: the guest thread's stage, then the bar once the engine has written a
 * total (after the data are loaded and the guest's init), then, once the loop has ended, that the
 * run is being sealed (never an "ETA 0s" while work remains). Any other phase replaces it.
 */
export function startProgress(label: string, o: ProgressOptions): ProgressDisplay {
  if (!progressShown(o)) return NONE;
  const stream = o.stream ?? process.stderr;
  const intervalMs = o.intervalMs ?? 150;
  const counter = progressCounter();
  const steps = o.unit === 'steps' || o.unit === 'runs'; // counted as done, no bars/s
  const barFormat = steps ? `${label} [{bar}] {percentage}% | {value}/{total} ${o.unit}` : `${label} [{bar}] {percentage}% | {value}/{total} bars | {rate} bars/s | ETA {left}`;
  const cliProgress = cliProgressLib();
  const bar = new cliProgress.SingleBar({
    stream: cursorFixed(stream),
    // A phase is a line of text; the bar is cli-progress's own format.
    format: (options, params, payload: { text?: string }) =>
      payload.text !== undefined ? `${label}: ${payload.text}` : cliProgress.Format.Formatter({ ...options, format: barFormat }, params, payload),
    // The text beside the bar takes up to ~70 columns (a 7-digit count and rate): the bar gets the rest of the terminal.
    barsize: stream.isTTY === true ? Math.max(10, Math.min(30, (stream.columns || 80) - 72)) : 30,
    fps: 1000 / intervalMs,
    synchronousUpdate: false,
    noTTYOutput: true,
    // Through a pipe, cli-progress would also write a line on a schedule of its own, repeating the last: drawn only here.
    notTTYSchedule: 0x7fff_ffff,
    linewrap: true,
    // The line goes at the end: what the command prints then stands alone.
    clearOnComplete: true,
  }, cliProgress.Presets.legacy);
  let started = false, stopped = false;
  // The 'run' phase (the counter is read), and whether its loop's end has been drawn.
  let running = steps, sealed = false;
  // bars/s and the ETA: the average since the first frame (a run's pace is steady; the first frame
  // comes after data loading and the guest's init, which are not bars).
  let first: { at: number; done: number } | null = null;
  const pace = (done: number, total: number, at: number): { rate: string; left: string } => {
    const perSecond = first && at > first.at ? ((done - first.done) * 1000) / (at - first.at) : 0;
    if (!(perSecond > 0)) return { rate: '-', left: '-' };
    return { rate: Math.round(perSecond).toLocaleString('en-US'), left: duration((total - done) / perSecond) };
  };
  // Draws now: a phase's work may hold the main thread until it ends.
  const draw = (value: number, total: number, payload: { text?: string; rate?: string; left?: string }): void => {
    if (!started) {
      started = true;
      bar.start(total, value, payload);
      return;
    }
    if (total !== bar.getTotal()) bar.setTotal(total);
    bar.update(value, payload);
    bar.render();
  };
  let shown: string | null = null;
  const show = (text: string): void => {
    if (text === shown) return; // one line per change, also through a pipe
    shown = text;
    draw(0, 1, { text });
  };
  const tick = (): void => {
    if (!running || stopped) return;
    const { done, total, ended, stage } = readProgress(counter);
    if (total === 0) {
      if (!steps) show(stage === null ? phaseText({ step: 'run' }) : STARTING[stage]);
      return;
    }
    if (sealed) return;
    const at = performance.now();
    if (first === null) first = { at, done };
    shown = null;
    draw(done, total, { text: undefined, ...pace(done, total, at) });
    if (!ended) return;
    if (steps) return stop();
    // The loop's last frame (100%), then what the run still does.
    sealed = true;
    show(SEALING);
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
    onPhase: (p) => {
      if (stopped) return;
      tick(); // the run's last frames before what follows it
      running = p.step === 'run';
      if (running) tick();
      else show(phaseText(p));
    },
    stop: () => {
      tick();
      stop();
    },
  };
}

/** Bytes as 812 kB or 50.1 MB. */
function megabytes(n: number): string {
  return n < 1e6 ? `${Math.max(1, Math.round(n / 1e3))} kB` : `${(n / 1e6).toFixed(1)} MB`;
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

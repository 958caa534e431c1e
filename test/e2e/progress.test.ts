// Progress (issue 10 §5): the engine's shared counter (engine/progress) — written every PROGRESS_EVERY
// events, exact at the end, never read by the run — and the CLI's bar on stderr, drawn from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bars } from '../../host/model/bars.ts';
import { Backtest } from '../../host/engine/backtest.ts';
import { sourceOf } from '../../host/data/stream.ts';
import type { GuestPort } from '../../host/engine/ports.ts';
import { PROGRESS_DONE, PROGRESS_ENDED, PROGRESS_EVERY, PROGRESS_STAGE, PROGRESS_TOTAL, STAGE_INSTRUMENT, progressCounter, readProgress, writeProgress } from '../../host/engine/progress.ts';
import { duration, progressShown, SEALING, startProgress } from '../../host/cli/progress.ts';
import { PassThrough } from 'node:stream';
import { backtest } from '../../host/api.ts';
import type { Phase } from '../../host/engine/progress.ts';
import { cliProcess } from '../helpers/cli.ts';

const MINUTE = 60_000_000_000n;

/** n minute bars of a zigzag price: enough trading for the broker to have work, no randomness. */
function minuteBars(n: number, start = 1_600_000_000_000_000_000n): Bars {
  const b = { length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = 100 + (i % 50) - (i % 7);
    b.time[i] = start + BigInt(i) * MINUTE;
    b.open[i] = p; b.high[i] = p + 1; b.low[i] = p - 1; b.close[i] = p + 0.5; b.volume[i] = 1000;
  }
  return b;
}

/** A guest that notes the counter's DONE slot as each bar reaches it, and trades every 100 bars. */
function probe(bt: () => Backtest, counter: Int32Array | null): { port: GuestPort; seen: number[] } {
  const seen: number[] = [];
  let i = 0;
  const port: GuestPort = {
    onBar: () => {
      if (counter) seen.push(Atomics.load(counter, PROGRESS_DONE));
      // Buy 10 (kind 1) on even hundreds, close (kind 3) on odd ones: a trade every 200 bars.
      if (i % 100 === 0) bt().broker.submit((i / 100) % 2 === 0 ? 1 : 3, 10);
      i++;
    },
  };
  return { port, seen };
}

describe('engine progress counter', () => {
  it('is written every PROGRESS_EVERY events during the loop and exactly at its end', () => {
    const n = 3 * PROGRESS_EVERY + 123;
    const counter = progressCounter();
    expect(readProgress(counter)).toEqual({ done: 0, total: 0, ended: false, stage: null });
    let bt!: Backtest;
    const { port, seen } = probe(() => bt, counter);
    bt = new Backtest(minuteBars(n), { cash: 10_000, progress: counter });
    bt.run(port);
    // Event k sees the count written after event k-1: the largest multiple of PROGRESS_EVERY below k (0 before the first write).
    expect(seen.length).toBe(n);
    for (let k = 0; k < n; k++) if (seen[k] !== (k <= PROGRESS_EVERY ? 0 : Math.floor((k - 1) / PROGRESS_EVERY) * PROGRESS_EVERY)) throw new Error(`event ${k} saw ${seen[k]}`);
    expect(readProgress(counter)).toEqual({ done: n, total: n, ended: true, stage: null });
    expect([Atomics.load(counter, PROGRESS_TOTAL), Atomics.load(counter, PROGRESS_ENDED)]).toEqual([n, 1]);
  });

  it('announces the total before the first bar (in-memory feeds: exact; two feeds: the sum of their events)', () => {
    const counter = progressCounter();
    const totals: number[] = [];
    const a = minuteBars(5000), b = minuteBars(3000, 1_600_000_000_000_000_000n + 30n * MINUTE);
    const port: GuestPort = { onBar: () => { totals.push(Atomics.load(counter, PROGRESS_TOTAL)); } };
    new Backtest([a, b], { cash: 10_000, progress: counter, symbols: ['A', 'B'] }).run(port);
    expect(new Set(totals)).toEqual(new Set([8000]));
    expect(readProgress(counter)).toEqual({ done: 8000, total: 8000, ended: true, stage: null });
  });

  it('a streamed source: the total starts as its estimate and ends exact', () => {
    const counter = progressCounter();
    const bars = minuteBars(10_000);
    // A source whose estimate is off (as a streamed file's is until read): the end corrects it.
    const src = { ...sourceOf(bars), estimatedLength: () => 7_000 };
    const totals: number[] = [];
    new Backtest({ sources: [src] }, { cash: 10_000, progress: counter }).run({ onBar: () => { totals.push(readProgress(counter).total); } });
    expect(totals[0]).toBe(7_000);
    expect(Math.max(...totals)).toBeLessThanOrEqual(10_000);
    expect(readProgress(counter)).toEqual({ done: 10_000, total: 10_000, ended: true, stage: null });
  });

  it('changes nothing in the result', () => {
    const run = (counter?: Int32Array) => {
      let bt!: Backtest;
      const { port } = probe(() => bt, null);
      bt = new Backtest(minuteBars(20_000), { cash: 10_000, commission: 0.001, progress: counter });
      const r = bt.run(port);
      return { stats: r.stats, trades: r.trades, equity: Array.from(r.equity), times: Array.from(bt.times) };
    };
    const without = run();
    expect(without.trades.length).toBeGreaterThan(10);
    expect(run(progressCounter())).toEqual(without);
  });
});

/** A terminal as cli-progress sees one: a stream that says it is a TTY, 100 columns wide; what is written is kept. */
function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  Object.assign(stream, { isTTY, columns: 100 });
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the display (cli/progress)', () => {
  it('is drawn on a terminal unless --quiet/--json or --no-progress; through a pipe only with --progress', () => {
    const tty = terminal(true).stream, pipe = terminal(false).stream;
    expect(progressShown({ mode: 'auto', quiet: false, stream: tty })).toBe(true);
    expect(progressShown({ mode: 'auto', quiet: true, stream: tty })).toBe(false);
    expect(progressShown({ mode: 'off', quiet: false, stream: tty })).toBe(false);
    expect(progressShown({ mode: 'auto', quiet: false, stream: pipe })).toBe(false);
    expect(progressShown({ mode: 'on', quiet: true, stream: pipe })).toBe(true);
    // Not shown: no counter, so the engine writes nothing, and nothing is written.
    const quiet = terminal(true);
    const none = startProgress('backtest', { mode: 'auto', quiet: true, stream: quiet.stream });
    expect(none.counter).toBeUndefined();
    none.stop();
    expect(quiet.text()).toBe('');
  });

  it('on a terminal (100 columns: a 28-column bar): one line redrawn in place — each phase at once, the stage and the bar from the counter, the loop\'s end as a phase, never "ETA 0s" — cleared at the end', async () => {
    const t = terminal(true);
    const shown = startProgress('backtest', { mode: 'auto', quiet: false, stream: t.stream, intervalMs: 10 });
    const counter = shown.counter!;
    const last = (): string => t.text().split('\x1B[1G').at(-1)!;
    // Drawn when told, no timer needed: the work that follows may hold the main thread.
    shown.onPhase!({ step: 'data', file: 'data/big.csv', bytes: 50_082_259 });
    expect(last()).toBe('backtest: reading data/big.csv (50.1 MB)\x1B[0K');
    shown.onPhase!({ step: 'build', file: 'src/strategy.ts' });
    expect(last()).toBe('backtest: building src/strategy.ts\x1B[0K');
    shown.onPhase!({ step: 'run' });
    expect(last()).toBe('backtest: starting\x1B[0K');
    writeProgress(counter, PROGRESS_STAGE, STAGE_INSTRUMENT);
    await sleep(60);
    expect(last()).toBe('backtest: starting: instrumenting the module\x1B[0K');
    writeProgress(counter, PROGRESS_TOTAL, 1_000_000);
    writeProgress(counter, PROGRESS_DONE, 250_000);
    await sleep(60);
    writeProgress(counter, PROGRESS_DONE, 500_000);
    await sleep(60);
    writeProgress(counter, PROGRESS_DONE, 1_000_000);
    writeProgress(counter, PROGRESS_ENDED, 1);
    await sleep(60);
    expect(last()).toBe(`backtest: ${SEALING}\x1B[0K`);
    shown.onPhase!({ step: 'write', dir: 'runs/x' });
    shown.onPhase!({ step: 'report' });
    shown.stop();
    const out = t.text();
    expect(out).not.toMatch(/\x1B[78]/);
    expect(out).not.toContain('\n'); // one line, redrawn in place
    expect(out.endsWith('\x1B[1G\x1B[2K')).toBe(true); // and cleared: what the command prints then stands alone
    const frames = out.slice(0, -'\x1B[1G\x1B[2K'.length).split('\x1B[1G').slice(1).map((f) => f.replace(/\x1B\[0K$/, ''));
    // The bar is redrawn at each tick (its rate moves while the count stands): each count once, its rate and ETA as a pattern.
    const seen = frames.map((f) => f.replace(/\| [\d,]+ bars\/s \| ETA (\d+s)$/, '| R bars/s | ETA $1')).filter((f, i, all) => f !== all[i - 1]);
    expect(seen).toEqual([
      'backtest: reading data/big.csv (50.1 MB)',
      'backtest: building src/strategy.ts',
      'backtest: starting',
      'backtest: starting: instrumenting the module',
      'backtest [=======---------------------] 25% | 250000/1000000 bars | - bars/s | ETA -',
      'backtest [==============--------------] 50% | 500000/1000000 bars | R bars/s | ETA 1s',
      // The loop's last frame, replaced at once by what the run still does.
      'backtest [============================] 100% | 1000000/1000000 bars | R bars/s | ETA 0s',
      `backtest: ${SEALING}`,
      'backtest: finishing: writing run folder runs/x',
      'backtest: finishing: rendering report.html',
    ]);
  });

  it('formats the ETA', () => {
    expect([duration(0), duration(44.2), duration(60), duration(185), duration(3600 * 2 + 7 * 60 + 5)]).toEqual(['0s', '45s', '1m00s', '3m05s', '2h07m']);
  });
});

// The CLI in its own process, its stderr a pipe: nothing is drawn unless --progress forces it (one line per frame).
const BARS = 300_000;
const FRAME = /^(backtest|replay) \[[=-]{30}\] (\d+)% \| (\d+)\/(\d+) bars \| ([\d,]+|-) bars\/s \| ETA (.+)$/;
let work: string;

/** The CLI in its own process, in `work` (test/helpers/cli). */
const backproof = (...argv: string[]) => cliProcess(work, ...argv);

/**
 * stderr's lines as the phases they show, each once: a bar frame as BAR; the guest thread's stages
 * ("starting: …", drawn only if a tick falls in them) must stand between "starting" and the bar.
 */
function phases(err: string, label: string): string[] {
  const lines = err.split('\n').filter((l) => l !== '');
  const at = (l: string) => lines.findIndex((x) => x === l);
  const stages = lines.filter((l) => l.startsWith(`${label}: starting: `));
  for (const l of stages) {
    expect([`${label}: starting: instrumenting the module`, `${label}: starting: the strategy's init`]).toContain(l);
    expect(at(l)).toBeGreaterThan(at(`${label}: starting`));
    expect(at(l)).toBeLessThan(lines.findIndex((x) => FRAME.test(x)));
  }
  return lines.filter((l) => !stages.includes(l)).map((l) => (FRAME.test(l) ? 'BAR' : l)).filter((l, i, all) => l !== all[i - 1]);
}

function frames(err: string, label: string): { percent: number; done: number; total: number }[] {
  return err.split('\n').flatMap((l) => {
    const m = FRAME.exec(l);
    return m && m[1] === label ? [{ percent: Number(m[2]), done: Number(m[3]), total: Number(m[4]) }] : [];
  });
}

/** Every file of a run folder, by name, as its SHA-256 (toEqual over megabytes of Buffers is far too slow). */
function folder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), path.join(rel, e.name));
      else out[path.join(rel, e.name)] = createHash('sha256').update(readFileSync(path.join(d, e.name))).digest('hex');
    }
  };
  walk(path.join(work, dir), '');
  return out;
}

describe('the progress bar of the CLI', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-progress-'));
    // A year and more of minute bars: long enough for frames during the loop (it is read every 150 ms).
    const rows = ['Date,Open,High,Low,Close,Volume'];
    const t0 = Date.UTC(2020, 0, 1);
    for (let i = 0; i < BARS; i++) {
      const p = 100 + 10 * Math.sin(i / 500) + (i % 13) / 10;
      rows.push(`${new Date(t0 + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},${p.toFixed(2)},${(p + 0.5).toFixed(2)},${(p - 0.5).toFixed(2)},${(p + 0.1).toFixed(2)},100`);
    }
    await writeFile(path.join(work, 'minutes.csv'), rows.join('\n') + '\n');
    await cp('guest-sdk', path.join(work, 'guest-sdk'), { recursive: true });
    await mkdir(path.join(work, 'strategies-as'));
    await cp('strategies-as/sma-cross.ts', path.join(work, 'strategies-as/sma-cross.ts'));
    expect(backproof('build', 'strategies-as/sma-cross.ts', '--out', 'sma-cross.wasm', '--quiet').code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('--progress shows the phases on stderr, in order (reading, loading, starting, the bar up to the total, finishing: sealing, writing, report); stdout and every file of the run are those of a run without it; without it, through a pipe, nothing', () => {
    const run = ['backtest', '--strategy', 'sma-cross.wasm', '--data', 'minutes.csv', '--unsigned', '--quiet'];
    const shown = backproof(...run, '--out', 'a', '--progress');
    expect(shown.code, shown.err).toBe(0);
    const f = frames(shown.err, 'backtest');
    expect(f.length).toBeGreaterThanOrEqual(2);
    // The last frame is the whole run; before it, the count only grows and never passes the total.
    expect(f.at(-1)).toEqual({ percent: 100, done: BARS, total: BARS });
    for (let i = 1; i < f.length; i++) expect(f[i]!.done).toBeGreaterThanOrEqual(f[i - 1]!.done);
    for (const x of f) expect(x.done).toBeLessThanOrEqual(x.total);
    expect(f.some((x) => x.done < BARS), 'a frame during the loop').toBe(true);
    // Before the loop and after it, what the command is doing, in order (the stages of the guest thread as the timer catches them); nothing else on stderr (--quiet).
    const megabytes = `${(statSync(path.join(work, 'minutes.csv')).size / 1e6).toFixed(1)} MB`;
    expect(phases(shown.err, 'backtest')).toEqual([
      `backtest: reading minutes.csv (${megabytes})`,
      'backtest: loading sma-cross.wasm',
      'backtest: starting',
      'BAR',
      `backtest: ${SEALING}`,
      'backtest: finishing: writing run folder a',
      'backtest: finishing: rendering report.html',
    ]);
    expect(shown.out).not.toMatch(/bars\/s|backtest:/);

    const plain = backproof(...run, '--out', 'b');
    expect(plain.code, plain.err).toBe(0);
    expect(plain.err).toBe('');
    expect(plain.out).toBe(shown.out.replace('run folder    a\n', 'run folder    b\n'));
    const files = folder('a');
    expect(Object.keys(files)).toContain('record.pb');
    expect(folder('b')).toEqual(files);
  }, 60_000);

  it('replay --progress shows its phases: the folder, the data, the re-execution\'s bar, the comparison', () => {
    const replayed = backproof('replay', 'a', '--progress', '--quiet');
    expect(replayed.code, replayed.err).toBe(0);
    expect(frames(replayed.err, 'replay').at(-1)).toEqual({ percent: 100, done: BARS, total: BARS });
    expect(phases(replayed.err, 'replay')).toEqual([
      'replay: reading run folder a',
      'replay: reading minutes.csv',
      'replay: starting',
      'BAR',
      `replay: ${SEALING}`,
      'replay: finishing: comparing with the record',
    ]);
    expect(replayed.out).toMatch(/^MATCH trace root [0-9a-f]{64}, result [0-9a-f]{64}\n$/);
  }, 60_000);

  it('verify --progress counts its steps (9: config … files after record, signature, chain); stdout as without it', () => {
    const shown = backproof('verify', 'a', '--progress', '--quiet');
    expect(shown.code, shown.err).toBe(0);
    const steps = shown.err.split('\n').filter((l) => l !== '');
    expect(steps.length).toBeGreaterThanOrEqual(1);
    for (const l of steps) expect(l).toMatch(/^verify \[[=-]{30}\] \d+% \| [3-9]\/9 steps$/);
    expect(steps.at(-1)).toBe('verify [==============================] 100% | 9/9 steps');
    const plain = backproof('verify', 'a', '--quiet');
    expect(plain.err).toBe('');
    expect(plain.out).toBe(shown.out);
  }, 60_000);

  it('the API tells onPhase its phases: data, build, run, then with a run folder writing and report (the data\'s size only there)', async () => {
    const seen: Phase[] = [];
    const o = { strategy: path.join(work, 'sma-cross.wasm'), data: 'data/GOOG.csv', key: null, onPhase: (p: Phase) => seen.push(p) };
    await backtest({ ...o, out: false });
    const before = [{ step: 'data', file: 'data/GOOG.csv' }, { step: 'build', file: o.strategy }, { step: 'run' }];
    expect(seen).toEqual(before);
    seen.length = 0;
    await backtest({ ...o, out: path.join(work, 'api') });
    expect(seen).toEqual([
      { ...before[0], bytes: statSync('data/GOOG.csv').size }, ...before.slice(1),
      { step: 'write', dir: path.join(work, 'api') }, { step: 'report' },
    ]);
  }, 60_000);

  it('--progress with --no-progress is a usage error', () => {
    const r = backproof('replay', 'a', '--progress', '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--progress and --no-progress contradict each other/);
  });
});

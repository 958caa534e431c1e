// When replay's re-executions of both sides agree (both read the same bars, but not the bars the run
// ran on: a stale column cache, or a data file with other bars under the recorded hash), the
// divergence report says a side does not reproduce its own trace — it does not blame a host record
// (a state snapshot) in a run that took none. Runs that differ only in --snapshot-every are told apart
// by the snapshot only one side records (formats 4 and 6), and the same snapshot on both sides by
// the guest's memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData, type DataFeed } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { describeDivergence, findDivergence } from '../../host/inspect/divergence.ts';
import { INSTRUMENTER_V4, INSTRUMENTER_V6 } from '../../host/sandbox/index.ts';

let wasm: Uint8Array, goog: readonly DataFeed[], tampered: readonly DataFeed[], nudged: readonly DataFeed[], shortened: readonly DataFeed[];
let strategy: Awaited<ReturnType<typeof loadStrategy>>;
let recordedLeaves: readonly Uint8Array[], tamperedLeaves: readonly Uint8Array[];
const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
// Trace format 4, whose leaves and byte offsets are pinned below.
const instrumenter = INSTRUMENTER_V4;

beforeAll(async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'backproof-divergence-cause-'));
  // One close changed (2008-03-28: 438.08 -> 448.08, within the bar's range): the SMA cross flips on that bar.
  const text = await readFile('data/GOOG.csv', 'utf8');
  expect(text).toContain('2008-03-28,447.46,453.57,434.31,438.08');
  await writeFile(path.join(work, 'GOOG.csv'), text.replace('2008-03-28,447.46,453.57,434.31,438.08', '2008-03-28,447.46,453.57,434.31,448.08'));
  // One close nudged by a cent (2008-03-28: 438.08 -> 438.09): no cross changes, only the guest's SMA windows hold another value.
  await writeFile(path.join(work, 'nudged.csv'), text.replace('2008-03-28,447.46,453.57,434.31,438.08', '2008-03-28,447.46,453.57,434.31,438.09'));
  // The last 100 bars dropped: a run whose trace ends where the other's goes on.
  await writeFile(path.join(work, 'shortened.csv'), text.trim().split('\n').slice(0, -100).join('\n') + '\n');
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  wasm = strategy.wasm;
  goog = [await openData('data/GOOG.csv', {})];
  tampered = [await openData(path.join(work, 'GOOG.csv'), {})];
  nudged = [await openData(path.join(work, 'nudged.csv'), {})];
  shortened = [await openData(path.join(work, 'shortened.csv'), {})];
  recordedLeaves = executeRun({ strategy, data: goog, config, instrumenter }).trace.leafHashes;
  tamperedLeaves = executeRun({ strategy, data: tampered, config, instrumenter }).trace.leafHashes;
}, 180_000);

describe('divergence: what differs when the instructions do not', () => {
  it('both sides re-executed on other bars than the recorded run read: the recorded side does not reproduce its trace; no host record is named', async () => {
    const d = await findDivergence(
      { label: 'recorded', wasm, feeds: tampered, config, leafHashes: recordedLeaves, instrumenter },
      { label: 'replayed', wasm, feeds: tampered, config, leafHashes: tamperedLeaves, instrumenter },
    );
    expect(d).toMatchObject({ leaf: 5, leaves: [13, 13], byteOffset: null, instruction: null });
    const lines = describeDivergence(d!);
    expect(lines).toEqual([
      'first differing leaf 5 (of 13 and 13)',
      '  recorded  (its re-execution does not reproduce its recorded trace here: the bars it reads now (the data file or its column cache) or its other inputs differ from the ones it ran on)',
      '  replayed  (its re-execution agrees with the other side’s here)',
    ]);
    expect(lines.join('\n')).not.toContain('host record');
  });

  it('each side on its own bars: the first differing instruction, as before', async () => {
    const d = await findDivergence(
      { label: 'recorded', wasm, feeds: goog, config, leafHashes: recordedLeaves, instrumenter },
      { label: 'replayed', wasm, feeds: tampered, config, leafHashes: tamperedLeaves, instrumenter },
    );
    expect(d).toMatchObject({ leaf: 5, leaves: [13, 13], byteOffset: 360212, instruction: 577326 });
    expect(d!.left.note).toBeUndefined();
  });
});

describe.each([['format 6', INSTRUMENTER_V6], ['format 4', INSTRUMENTER_V4]])('divergence of runs whose snapshots differ (%s)', (_, instrumenter) => {
  const leaves = (snapshotEvery: number, feeds = goog) => executeRun({ strategy, data: feeds, config: { ...config, snapshotEvery }, instrumenter }).trace.leafHashes;
  const side = (label: string, snapshotEvery: number, feeds = goog) => ({ label, wasm, feeds, config: { ...config, snapshotEvery }, leafHashes: leaves(snapshotEvery, feeds), instrumenter });
  const agreeing = (note: string) => expect.objectContaining({ instruction: null, left: expect.objectContaining({ instruction: null, note }), right: expect.objectContaining({ instruction: null, note }) });

  it('only one side takes snapshots: that side is named, not the guest\'s memory', async () => {
    const note = "the instructions agree: only the recorded side records a state snapshot here (after bar 499; the runs' --snapshot-every differ)";
    const d = await findDivergence(side('recorded', 500), side('replayed', 0));
    expect(d).toEqual(agreeing(note));
    expect(describeDivergence(d!).slice(1)).toEqual([`  recorded  (${note})`, `  replayed  (${note})`]);
    // The other way round, and every 500 bars against every 1,000: the side with the snapshot after bar 499.
    expect(await findDivergence(side('recorded', 0), side('replayed', 500))).toEqual(agreeing(note.replace('recorded side', 'replayed side')));
    expect(await findDivergence(side('recorded', 1000), side('replayed', 500))).toEqual(agreeing(note.replace('recorded side', 'replayed side')));
  }, 120_000);

  it('a side whose run ended: the other side\'s next instruction, which it does not have', async () => {
    const d = await findDivergence(side('recorded', 0), side('replayed', 0, shortened));
    expect(d!.instruction).toBe(d!.left.instruction!.index);
    // GOOG.csv's 2,148 bars less 100: the recorded side's on_bar of bar 2,048, which the other never had.
    expect(d!.left.call).toMatchObject({ callback: 'on_bar', event: 2048 });
    expect([d!.right.instruction, d!.right.note]).toEqual([null, 'its trace ends before this instruction']);
  }, 120_000);

  it('the same snapshot on both sides: the guest\'s memory differs', async () => {
    const d = await findDivergence(side('recorded', 500), side('replayed', 500, nudged));
    expect(d).toEqual(agreeing("the instructions agree: the streams differ in a host record (the state snapshot after bar 999: the guest's memory differs)"));
  }, 120_000);
});

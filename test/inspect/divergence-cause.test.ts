// When replay's re-executions of both sides agree (both read the same bars, but not the bars the run
// ran on: a stale column cache, or a data file with other bars under the recorded hash), the
// divergence report says a side does not reproduce its own trace — it does not blame a host record
// (a state snapshot) in a run that took none.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData, type DataFeed } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { describeDivergence, findDivergence } from '../../host/inspect/divergence.ts';
import { INSTRUMENTER_V4 } from '../../host/sandbox/index.ts';

let wasm: Uint8Array, goog: readonly DataFeed[], tampered: readonly DataFeed[];
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
  const strategy = await loadStrategy('strategies-as/sma-cross.ts');
  wasm = strategy.wasm;
  goog = [await openData('data/GOOG.csv', {})];
  tampered = [await openData(path.join(work, 'GOOG.csv'), {})];
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

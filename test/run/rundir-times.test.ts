// The bars' times of a run are kept as steps (engine/timeline) and made into a BigInt64Array only when
// read (run/execute withTimes, 80 MB at 10M bars): the run folder is written without them unless
// snapshots are taken, and the same files either way.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, type RunOutcome } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { writeRunDir } from '../../host/run/rundir.ts';

/** The outcome with its times unreadable: reading them fails the write. */
function withoutTimes(o: RunOutcome): RunOutcome {
  return Object.defineProperty({ ...o }, 'times', { get: () => { throw new Error('times read'); } }) as RunOutcome;
}

describe('a run folder and the bars\' times', () => {
  it('is written without making the times when no snapshot is taken; the same files as with them; snapshots read them', async () => {
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const data = await openData('data/GOOG.csv');
    const work = await mkdtemp(path.join(tmpdir(), 'bp-rundir-times-'));
    try {
      const outcome = executeRun({ strategy, data, config: DEFAULT_CONFIG });
      expect(Object.keys(outcome)).not.toContain('times'); // a spread of the outcome does not make them
      expect(outcome.times.length).toBe(outcome.result.equity.length);
      await writeRunDir({ dir: path.join(work, 'lazy'), force: false, outcome: withoutTimes(outcome), strategy, config: DEFAULT_CONFIG, key: null });
      await writeRunDir({ dir: path.join(work, 'eager'), force: false, outcome, strategy, config: DEFAULT_CONFIG, key: null });
      const names = (await readdir(path.join(work, 'eager'))).filter((n) => !n.startsWith('sources'));
      expect(await readdir(path.join(work, 'lazy'))).toEqual(await readdir(path.join(work, 'eager')));
      for (const n of names) expect(Buffer.compare(await readFile(path.join(work, 'lazy', n)), await readFile(path.join(work, 'eager', n))), n).toBe(0);
      const snapshotting = { ...DEFAULT_CONFIG, snapshotEvery: 500 };
      const snapped = executeRun({ strategy, data, config: snapshotting });
      await expect(writeRunDir({ dir: path.join(work, 'snap'), force: false, outcome: withoutTimes(snapped), strategy, config: snapshotting, key: null })).rejects.toThrow('times read');
      expect(await readdir(work)).toEqual(['eager', 'lazy']); // nothing half-written
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);
});

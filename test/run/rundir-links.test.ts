// writeRunDir's linkStrategyFrom (a sweep's runs): the strategy's files (module, lockfile, sources) are hard
// links to the earlier run folder's; where that folder is gone they are written as without it. Either way
// the folder is whole and verifies on its own.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { executeRun } from '../../host/run/execute.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { loadStrategy } from '../../host/run/strategy.ts';

describe('writeRunDir linkStrategyFrom', () => {
  it('links the strategy\'s files from the earlier run folder, writes them when it is gone; each folder verifies', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'backproof-rundir-links-'));
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 30 } };
    const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
    const [a, b, c] = ['a', 'b', 'c'].map((n) => path.join(work, n));
    await writeRunDir({ dir: a!, force: false, outcome, strategy, config, key: null });
    await writeRunDir({ dir: b!, force: false, outcome, strategy, config, key: null, linkStrategyFrom: a! });
    await writeRunDir({ dir: c!, force: false, outcome, strategy, config, key: null, linkStrategyFrom: path.join(work, 'gone') });
    const files = ['strategy.wasm', 'package-lock.json', ...strategy.sources.map((s) => `sources/${s.path}`)];
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const [sa, sb, sc] = [a, b, c].map((d) => statSync(path.join(d!, f)));
      expect([f, sb!.ino, sa!.nlink, sc!.nlink]).toEqual([f, sa!.ino, 2, 1]);
      expect(readFileSync(path.join(c!, f))).toEqual(readFileSync(path.join(a!, f)));
    }
    expect(statSync(path.join(b!, 'record.pb')).ino).not.toBe(statSync(path.join(a!, 'record.pb')).ino);
    for (const d of [a, b, c]) {
      const v = await cli('verify', d!);
      expect([d, v.code, v.err]).toEqual([d, 0, '']);
    }
  }, 60_000);
});

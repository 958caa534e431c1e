// A source dropped before its end (a run that stops early, a first chunk read to infer the period)
// does not keep its file open: its descriptor is closed when it is collected (data/files).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('file descriptors of dropped sources', () => {
  it('are closed once the source is collected (column cache and CSV alike)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-fd-'));
    const csv = path.join(dir, 'two-groups.csv');
    const rows = ['Date,Open,High,Low,Close'];
    for (let i = 0, t = Date.UTC(2001, 0, 1); i < 100_000; i++, t += 60_000) rows.push(`${new Date(t).toISOString().slice(0, 19).replace('T', ' ')},1,2,1,1`);
    writeFileSync(csv, rows.join('\n') + '\n');
    const script = `
      import { readdirSync } from 'node:fs';
      import { openData } from './host/data/load.ts';
      import { CacheSource } from './host/data/cache.ts';
      import { CsvSource } from './host/data/stream.ts';
      const open = () => readdirSync('/proc/self/fd').length;
      const feed = await openData(process.env.CSV, {}, 0); // writes the cache
      // Not in the async function below: its suspended frame would keep the last source alive.
      function dropSources(kind) {
        for (let i = 0; i < 20; i++) {
          const src = feed.open();
          if (!(src instanceof kind)) throw new Error('not the expected source');
          src.next(); // the first of two chunks: the file stays open
        }
      }
      const counts = [];
      for (const cache of ['on', 'off']) {
        if (cache === 'off') process.env.BACKPROOF_CACHE_DIR = 'off';
        const before = open();
        dropSources(cache === 'on' ? CacheSource : CsvSource);
        counts.push(open() - before);
        for (let round = 0; round < 3; round++) {
          await new Promise((r) => setTimeout(r, 20));
          globalThis.gc();
        }
        await new Promise((r) => setTimeout(r, 20));
        counts.push(open() - before);
      }
      console.log(JSON.stringify(counts));
    `;
    const env = { ...process.env, CSV: csv, BACKPROOF_CACHE_DIR: path.join(dir, 'cache') };
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { env, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([20, 0, 20, 0]);
  });
});

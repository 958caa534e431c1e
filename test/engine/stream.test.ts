// Streaming: a file read in chunks gives exactly the run an in-memory load gives.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadData, loadStrategy, openData, DEFAULT_CONFIG } from '../../host/index.ts';
import { CsvSource } from '../../host/data/stream.ts';
import { sha256, toHex } from '../../traces/index.ts';

describe('streaming data', () => {
  it('chunked reading gives the same bars across chunk and block boundaries', async () => {
    const whole = await loadData('test/data/orcl-1995-2014.txt');
    const src = new CsvSource('test/data/orcl-1995-2014.txt', 'orcl', {}, 333);
    const times: bigint[] = [];
    const closes: number[] = [];
    for (let c = src.next(); c; c = src.next()) {
      expect(c.length).toBeLessThanOrEqual(333);
      times.push(...c.time);
      closes.push(...c.close);
    }
    expect(times).toEqual(Array.from(whole.bars.time));
    expect(closes).toEqual(Array.from(whole.bars.close));
  });

  it('a streamed run is the in-memory run, byte for byte (one and two symbols)', async () => {
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const pairs = await loadStrategy('strategies-as/pairs.ts');
    const file = 'test/data/orcl-1995-2014.txt';
    const mem = await openData(file);
    const streamed = await openData(file, {}, 0); // threshold 0: always stream
    expect('bars' in mem).toBe(true);
    expect('bars' in streamed).toBe(false);
    expect(streamed.sha256).toBe(mem.sha256);
    const a = executeRun({ strategy, data: mem, config: { ...DEFAULT_CONFIG, snapshotEvery: 700 } });
    const b = executeRun({ strategy, data: streamed, config: { ...DEFAULT_CONFIG, snapshotEvery: 700 } });
    expect(toHex(sha256(b.resultBytes))).toBe(toHex(sha256(a.resultBytes)));
    expect(toHex(b.trace.root)).toBe(toHex(a.trace.root));
    expect(Buffer.compare(b.recordBytes, a.recordBytes)).toBe(0);
    expect(Array.from(b.times)).toEqual(Array.from(a.times));
    const goog = await openData('data/GOOG.csv');
    const googStreamed = await openData('data/GOOG.csv', {}, 0);
    const p1 = executeRun({ strategy: pairs, data: [mem, goog], config: DEFAULT_CONFIG });
    const p2 = executeRun({ strategy: pairs, data: [streamed, googStreamed], config: DEFAULT_CONFIG });
    expect(toHex(sha256(p2.resultBytes))).toBe(toHex(sha256(p1.resultBytes)));
    expect(toHex(p2.trace.root)).toBe(toHex(p1.trace.root));
  });

  it('errors in a streamed file still name file and line; ambiguous d/m dates need --date-format, as in memory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-stream-'));
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, ',Open,High,Low,Close\n2020-01-01,1,2,1,1\n2020-01-02,1,2,x,1\n');
    const src = (await openData(bad, {}, 0)) as unknown as { open(): CsvSource };
    expect(() => src.open().next()).toThrow(/bad\.csv:3: field "Low" \("x"\) is not a number/);
    const q = (await openData('test/data/bidask.csv', { duplicates: 'keep' }, 0)) as unknown as { open(): CsvSource };
    expect(() => q.open().next()).toThrow('bidask.csv: dates like "02/03/2010 16:53:50" are ambiguous (day/month or month/day); pass --date-format dmy or mdy');
    // With the order given they are read (bad-input.test.ts settles it from the file, in both paths).
    const dmy = (await openData('test/data/bidask.csv', { duplicates: 'keep', dateFormat: 'dmy' }, 0)) as unknown as { open(): CsvSource };
    expect(dmy.open().next()!.length).toBe(10);
  });
});

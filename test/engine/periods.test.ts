// Bar periods: declared with --data FILE@PERIOD or inferred, recorded in the data link, and used by
// verify to rebuild the order of a run's bars.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG, executeRun, loadData, loadStrategy, parseDataSpec, verifyRun, writeRunDir, UsageError } from '../../host/index.ts';
import { pb } from '../../host/audit/codec.ts';
import { inferPeriod } from '../../host/engine/events.ts';

const DAY = 86_400_000_000_000n, MIN = 60_000_000_000n;

describe('bar periods', () => {
  it('--data [NAME=]FILE[@PERIOD]: units ns…w, @0 for ticks; an @ without a period belongs to the name', () => {
    expect(parseDataSpec('GOOG=data/GOOG.csv@1d')).toEqual({ symbol: 'GOOG', file: 'data/GOOG.csv', period: DAY });
    expect(parseDataSpec('a.csv@12h')).toEqual({ file: 'a.csv', period: 12n * 60n * MIN });
    expect(parseDataSpec('t.csv@0')).toEqual({ file: 't.csv', period: 0n });
    expect(parseDataSpec('X=t.csv@250ms')).toEqual({ symbol: 'X', file: 't.csv', period: 250_000_000n });
    expect(parseDataSpec('data@home/a.csv')).toEqual({ file: 'data@home/a.csv' });
    for (const bad of ['a.csv@5', 'a.csv@99999999999w'])
      expect(() => parseDataSpec(bad)).toThrow(expect.objectContaining({ code: 'USAGE', constructor: UsageError }));
  });

  it('inferred as the most common positive spacing (ties to the shorter), 0 when timestamps repeat', () => {
    const t = (...h: number[]) => BigInt64Array.from(h.map((x) => BigInt(x) * 60n * MIN));
    expect(inferPeriod(t(0, 1, 2, 4, 5, 7))).toBe(60n * MIN); // 1h ×3, 2h ×2
    expect(inferPeriod(t(0, 2, 3, 5))).toBe(2n * 60n * MIN); // 2h ×2, 1h ×1
    expect(inferPeriod(t(0, 1, 3))).toBe(60n * MIN); // a tie: the shorter
    expect(inferPeriod(t(0, 1, 1, 2))).toBe(0n);
    expect(inferPeriod(t(5))).toBe(0n);
    // Spacings beyond 2^53 ns (yearly bars) exactly.
    const year = 365n * DAY;
    expect(inferPeriod(BigInt64Array.from([0n, year, 2n * year, 3n * year + 1n]))).toBe(year);
  });

  it('the data link records each period; verify rebuilds the order of bars with it (a declared period that differs from the spacing)', async () => {
    const strategy = await loadStrategy('strategies-as/pairs.ts');
    const daily = await loadData('test/data/2006-day-001.txt');
    const five = await loadData('test/data/2006-min-005.txt');
    const config = { ...DEFAULT_CONFIG, commission: 0.001 };
    const inferred = executeRun({ strategy, data: [daily, five], config });
    // Declared: the 5-minute file as 1-day bars. Each still closes at the next one's open, except the
    // last of each day (17:30), which now closes at the next day's first (09:05) instead of 17:35: after
    // that day's daily bar (closing at midnight). verify must rebuild that order from the record.
    const declared = executeRun({ strategy, data: [daily, { ...five, options: { ...five.options, period: DAY } }], config });
    const periodsOf = (o: typeof inferred) =>
      (pb.DataLink.toObject(pb.DataLink.decode(o.links.find((l) => l.kind === 'data')!.body), { longs: String }) as { files: { periodNs: string }[] }).files.map((f) => f.periodNs);
    expect(periodsOf(inferred)).toEqual([String(DAY), String(5n * MIN)]);
    expect(periodsOf(declared)).toEqual([String(DAY), String(DAY)]);
    expect(inferred.runId).not.toBe(declared.runId); // the run id hashes the data link, periods included
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-periods-'));
    for (const [name, outcome] of [['inferred', inferred], ['declared', declared]] as const) {
      await writeRunDir({ dir: path.join(dir, name), force: false, outcome, strategy, config, key: null });
      const report = await verifyRun({ dir: path.join(dir, name) });
      expect(report.steps).toContain('result');
    }
  }, 60_000);
});

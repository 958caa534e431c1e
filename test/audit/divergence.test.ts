// The divergence finder and the toolchain link: replay against a tampered data byte, diff of two
// runs that differ in a param, and replay's refusal (and recorded override) under another toolchain.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { DEFAULT_CONFIG, executeRun, loadData, loadStrategy, toolchainDifferences, toolchainMessage, writeRunDir } from '../../host/index.ts';
import { firstDifferingLeaf, sha256 } from '../../traces/index.ts';

let work: string;
const goog = () => path.join(work, 'GOOG.csv');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-divergence-'));
  await writeFile(goog(), await readFile('data/GOOG.csv'));
  // Trace format 4, whose leaves and byte offsets are pinned below.
  for (const [name, fast] of [['a', '10'], ['b', '11']] as const) {
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', goog(), '--param', `fast=${fast}`, '--param', 'slow=20', '--out', path.join(work, name), '--unsigned', '--trace-format', '4');
    expect(r.code, r.err).toBe(0);
  }
});

describe('firstDifferingLeaf', () => {
  const leaves = (n: number, salt = 0) => Array.from({ length: n }, (_, i) => sha256(new Uint8Array([i & 255, i >> 8, salt])));
  it('finds every single changed leaf, in every tree size up to 70, and the end of a shorter prefix', () => {
    for (let n = 1; n <= 70; n++) {
      const a = leaves(n);
      expect(firstDifferingLeaf(a, leaves(n))).toBe(-1);
      for (let i = 0; i < n; i++) {
        const b = leaves(n);
        b[i] = sha256(new Uint8Array([0xff, i]));
        b[Math.min(n - 1, i + 3)] = sha256(new Uint8Array([0xfe, i])); // a later change must not matter
        expect(firstDifferingLeaf(a, b)).toBe(i);
      }
      expect(firstDifferingLeaf(a, leaves(n + 5))).toBe(n);
      expect(firstDifferingLeaf(leaves(n + 2), a)).toBe(n);
    }
  });
});

describe('replay divergence', () => {
  it('names the first differing instruction when one data byte is changed', async () => {
    // One byte: the 2008-03-28 close 438.08 becomes 448.08 (still within the bar's Low and High,
    // so the file loads; the SMA cross then flips on that bar).
    const text = await readFile(goog(), 'utf8');
    const at = text.indexOf('2008-03-28,447.46,453.57,434.31,438.08');
    expect(at).toBeGreaterThan(0);
    const tampered = path.join(work, 'tampered.csv');
    const bytes = Buffer.from(text);
    bytes[at + '2008-03-28,447.46,453.57,434.31,4'.length] = '4'.charCodeAt(0);
    await writeFile(tampered, bytes);
    const report = path.join(work, 'replay.json');
    const r = await cli('replay', path.join(work, 'a'), '--data', tampered, '--report', report);
    expect(r.code).toBe(5);
    expect(r.out).toContain('MISMATCH');
    const d = JSON.parse(await readFile(report, 'utf8')).divergence;
    expect({ leaf: d.leaf, leaves: d.leaves, byteOffset: d.byteOffset, instruction: d.instruction }).toEqual({ leaf: 5, leaves: [13, 13], byteOffset: 360212, instruction: 577326 });
    for (const side of [d.left, d.right]) {
      expect(side.call).toEqual({ start: side.call.start, callback: 'on_bar', event: 907, time: '2008-03-28T00:00:00Z', symbol: 'GOOG' });
      expect(side.instruction).toMatchObject({ index: 577326, func: 22, name: 'global.get', stackHeight: 0, address: null, functionName: 'guest-sdk/strategy/Strategy#onBar@override' });
    }
    expect([d.left.label, d.left.instruction.offset, d.right.label, d.right.instruction.offset]).toEqual(['recorded', 5329, 'replayed', 5308]);
    expect(r.out).toContain('first differing leaf 5 (of 13 and 13), trace byte 360212, instruction 577326');
  });

  it('shows only the replayed side when the recorded data is gone', async () => {
    const dir = path.join(work, 'a');
    const original = await readFile(goog());
    await writeFile(goog(), Buffer.concat([original, Buffer.from('\n')])); // the recorded file no longer matches
    try {
      const r = await cli('replay', dir, '--data', path.join(work, 'tampered.csv'), '--report', path.join(work, 'r2.json'));
      expect(r.code).toBe(5);
      const d = JSON.parse(await readFile(path.join(work, 'r2.json'), 'utf8')).divergence;
      expect(d).toMatchObject({ leaf: 5, byteOffset: null, instruction: null, left: { instruction: null, note: expect.stringMatching(/cannot be re-executed/) } });
    } finally {
      await writeFile(goog(), original);
    }
  });

  it('diff: two runs of one strategy under different params', async () => {
    const r = await cli('diff', path.join(work, 'a'), path.join(work, 'b'));
    expect(r.code).toBe(5);
    expect(r.out.split('\n').slice(0, 4)).toEqual([
      'DIFFERENT',
      expect.stringMatching(/^first differing leaf 0 \(of 13 and 13\), trace byte \d+, instruction \d+$/),
      expect.stringMatching(/^ {2}A {9}on_bar of bar \S+ \(event \d+, GOOG\): f\d+ /),
      expect.stringMatching(/^ {2}B {9}on_bar of bar \S+ \(event \d+, GOOG\): f\d+ /),
    ]);
    expect((await cli('diff', path.join(work, 'a'), path.join(work, 'a'))).out).toBe('SAME trace');
  });
});

describe('toolchain link', () => {
  it('replay refuses another toolchain, naming the difference; the override is reported', async () => {
    const strategy = await loadStrategy('strategies-as/sma-cross.ts');
    const data = await loadData('data/GOOG.csv');
    const recorded = { ...toolchainMessage(), node: 'v22.0.0', sdk: 'sha256:00' };
    expect(toolchainDifferences(recorded)).toEqual([`node: recorded v22.0.0, here ${process.version}`, `sdk: recorded sha256:00, here ${toolchainMessage().sdk}`]);
    const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
    const outcome = executeRun({ strategy, data, config, toolchain: recorded });
    const dir = path.join(work, 'old-toolchain');
    await writeRunDir({ dir, force: false, outcome, strategy, config, key: null });
    const verified = await cli('verify', dir);
    expect(verified.code).toBe(0); // verify executes nothing: a toolchain difference is a note
    expect(verified.out).toContain('note: toolchain differs (replay would refuse without --allow-toolchain-mismatch): node: recorded v22.0.0');
    const refused = await cli('replay', dir);
    expect(refused.code).toBe(5);
    expect(refused.err).toMatch(/TOOLCHAIN_MISMATCH \[toolchain\]: .*node: recorded v22\.0\.0, here v\d+.*sdk: recorded sha256:00/);
    const report = path.join(work, 'override.json');
    const allowed = await cli('replay', dir, '--allow-toolchain-mismatch', '--report', report);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toMatch(/^toolchain override: node: recorded v22\.0\.0/);
    expect(allowed.out).toContain('MATCH');
    expect(JSON.parse(await readFile(report, 'utf8'))).toMatchObject({ match: true, toolchainOverride: true, toolchainDifferences: toolchainDifferences(recorded) });
  });
});

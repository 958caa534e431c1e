// Messages the outside tester found misleading (session 7): a private key given where a public one is
// trusted (D10), an empty record.pb (D11), init over a package.json that is not JSON and its `cd` hint for
// a path with a space (D13), and option values that begin with "-" (D15). Each through the real CLI.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bp-tester-msg-'));
const keys = path.join(work, 'keys');
const run = path.join(work, 'run');

beforeAll(async () => {
  expect((await cli('keygen', '--out', keys)).code).toBe(0);
  const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--key', path.join(keys, 'backproof.key'), '--out', run);
  expect(r.code).toBe(0);
}, 120_000);

describe('verify --pubkey (D10)', () => {
  it('refuses a private key (exit 2 KEY_ERROR), where node would derive the public key from it', async () => {
    const file = path.join(keys, 'backproof.key');
    const r = await cli('verify', run, '--pubkey', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error KEY_ERROR: ${file} is a PRIVATE key: pass its public key (backproof keygen writes it beside, as .pub); a private key must stay with whoever signs`);
    expect(r.out).not.toContain('trusted key');
  });

  it('still takes the public key', async () => {
    const r = await cli('verify', run, '--pubkey', path.join(keys, 'backproof.pub'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('(the trusted key)');
  });
});

describe('an empty record.pb (D11)', () => {
  it('is RECORD_MALFORMED "empty", with or without a trusted key, not "version 0" nor "unsigned"', async () => {
    const dir = path.join(work, 'empty-record');
    mkdirSync(dir);
    for (const f of ['record.json', 'result.pb', 'stats.json']) writeFileSync(path.join(dir, f), readFileSync(path.join(run, f)));
    writeFileSync(path.join(dir, 'record.pb'), '');
    for (const extra of [[], ['--pubkey', path.join(keys, 'backproof.pub')]]) {
      const r = await cli('verify', dir, ...extra, '--json');
      expect(r.code).toBe(5);
      const doc = JSON.parse(r.out) as { code: string; step: string; message: string };
      expect([doc.code, doc.step, doc.message]).toEqual(['RECORD_MALFORMED', 'record', 'record.pb is empty (0 bytes): not a record']);
    }
  });

  it('a record.pb holding an envelope without its record says so', async () => {
    const dir = path.join(work, 'no-record');
    mkdirSync(dir);
    for (const f of ['record.json', 'result.pb', 'stats.json']) writeFileSync(path.join(dir, f), readFileSync(path.join(run, f)));
    // SignedRecord field 2 (signature), 2 bytes: a canonical envelope whose record (field 1) is absent.
    writeFileSync(path.join(dir, 'record.pb'), Buffer.from([0x12, 0x02, 0xaa, 0xbb]));
    const r = await cli('verify', dir, '--json');
    expect(r.code).toBe(5);
    expect((JSON.parse(r.out) as { message: string }).message).toBe('record.pb (4 bytes) holds no Record: not a record');
  });
});

describe('init (D13)', () => {
  it('a package.json that is not JSON is named as such, not as a folder that is not empty; nothing written', async () => {
    const dir = path.join(work, 'bad-json');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'package.json'), '{"name": "x",');
    const r = await cli('init', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`error USAGE: init: ${path.join(dir, 'package.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not JSON \\(.+\\); mend it or remove it, then init again\\n`));
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{"name": "x",');
  });

  it('a package.json that is JSON but not an object', async () => {
    const dir = path.join(work, 'array-json');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'package.json'), '[]');
    const r = await cli('init', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error USAGE: init: ${path.join(dir, 'package.json')} is not a JSON object; mend it or remove it, then init again\n`);
  });

  it('the cd hint quotes a path with a space (and a quote) as one shell word', async () => {
    const dir = path.join(work, "with space/it's ünï");
    const r = await cli('init', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`\n  cd '${work}/with space/it'\\''s ünï'\n`);
    const plain = path.join(work, 'plain-dir');
    expect((await cli('init', plain)).out).toContain(`\n  cd ${plain}\n`);
  });
});

describe('option values that begin with "-" (D15)', () => {
  it('sweep --where "-fast < -5 && …" and --seed -1 are values, not options', async () => {
    const base = ['--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5..6', '--grid', 'slow=30', '--objective', 'sharpe', '--unsigned', '--workers', '1'];
    const r = await cli('sweep', ...base, '--where', '-fast < -5 && slow > 0', '--out', path.join(work, 'sweep'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { count: number; top: { params: Record<string, number> }[] };
    expect([doc.count, doc.top.map((t) => t.params)]).toEqual([1, [{ fast: 6, slow: 30 }]]);
    // --seed -1 reaches the seed's own check (a whole number 0..2^64-1), not parseArgs' "ambiguous"
    const s = await cli('sweep', ...base, '--samples', '1', '--seed', '-1', '--out', path.join(work, 'sweep2'));
    expect(s.code).toBe(2);
    expect(s.err).not.toContain('ambiguous');
    expect(s.err).toContain('--seed');
  }, 60_000);

  it('backtest --slippage-bps -5 and trace --from -5 reach their own checks', async () => {
    const b = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--slippage-bps', '-5', '--unsigned', '--out', path.join(work, 'neg'));
    expect(b.code).toBe(2);
    expect(b.err).toContain('error USAGE: broker setting slippageBps must be a non-negative number, got -5\n');
    const t = await cli('trace', run, '--from', '-5');
    expect(t.code).toBe(2);
    expect(t.err).toContain('error USAGE: --from must be >= 0 and --count in 1..1000000 (got -5, 20)\n');
  });

  it('one of the command\'s own options after a value-taking option is still not taken as its value', async () => {
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', '--unsigned');
    expect(r.code).toBe(2);
    expect(r.err).toContain("error USAGE: Option '--out' argument is ambiguous.");
  });
});

describe('param names (D17)', () => {
  it('--param and --grid say which names can take a value, and what a strategy reading another gets', async () => {
    const p = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--param', 'ñame=3', '--unsigned', '--out', path.join(work, 'p'));
    expect(p.code).toBe(2);
    expect(p.err).toContain('error USAGE: --param name "ñame" must be an identifier: ASCII letters, digits and _, not starting with a digit (a strategy reading another name always gets its default: docs/ABI.md)');
    const g = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'ñame=1', '--objective', 'sharpe', '--unsigned', '--out', path.join(work, 'g'));
    expect(g.code).toBe(2);
    expect(g.err).toContain('"ñame" at character 1 is not a parameter name (ASCII letters, digits and _, not starting with a digit; a strategy reading another name always gets its default: docs/ABI.md)');
  });
});

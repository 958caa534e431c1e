// The log's verifier key as an auditor handles it: printed again whenever asked (`log vkey`), and a key
// that does not check out — mistyped, or another log's — fails verification (exit 5); only a missing or
// shapeless --vkey is a usage error (exit 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

let work: string, log: string, other: string, vkey: string, otherVkey: string, proof: string;

/** `s` with the character at `i` replaced by another one of the same kind (hex stays hex, base64 stays base64). */
const mistype = (s: string, i: number): string => s.slice(0, i) + (s[i] === 'A' ? 'B' : s[i] === '0' ? '1' : /[0-9]/.test(s[i]!) ? '0' : 'A') + s.slice(i + 1);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-vkey-'));
  expect((await cli('keygen', '--out', path.join(work, 'keys'))).code).toBe(0);
  const key = path.join(work, 'keys', 'backproof.key');
  log = path.join(work, 'log');
  other = path.join(work, 'other');
  const init = await cli('log', 'init', log, '--key', key, '--origin', 'example.test/log');
  expect(init.code, init.err).toBe(0);
  vkey = init.out.split('\n')[1]!.replace('verifier key ', '');
  const init2 = await cli('log', 'init', other, '--key', key, '--origin', 'example.test/other');
  otherVkey = init2.out.split('\n')[1]!.replace('verifier key ', '');
  expect((await cli('log', 'append', log, '--hash', 'ab'.repeat(32), '--key', key)).code).toBe(0);
  proof = path.join(work, 'incl.json');
  expect((await cli('log', 'prove', log, '--index', '0', '--out', proof)).code).toBe(0);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the verifier key', () => {
  it('log vkey prints the key that log init printed, alone on stdout, and that key verifies the proof', async () => {
    expect(vkey).toMatch(/^example\.test\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]$/);
    const again = await cli('log', 'vkey', log);
    expect(again).toEqual({ code: 0, out: vkey, err: '' });
    expect((await cli('log', 'vkey', other)).out).toBe(otherVkey);
    const r = await cli('log', 'verify', '--proof', proof, '--vkey', again.out);
    expect([r.code, r.out]).toEqual([0, `OK entry 0 (${'ab'.repeat(32)}) is in the tree of size 1, root ${r.out.slice(-64)}`]);
  });

  it('log vkey without a log is a usage error', async () => {
    expect((await cli('log', 'vkey')).code).toBe(2);
    const r = await cli('log', 'vkey', path.join(work, 'none'));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('no log at')]);
  });

  it('a mistyped key (in its name, key ID or key) or another log\'s key fails verification (exit 5); a missing or shapeless one is a usage error (exit 2)', async () => {
    const at = { name: 3, id: vkey.indexOf('+') + 3, key: vkey.lastIndexOf('+') + 10 };
    for (const [where, bad] of [...Object.entries(at).map(([w, i]) => [w, mistype(vkey, i)]), ['other log', otherVkey]] as [string, string][]) {
      expect(bad, where).not.toBe(vkey);
      const r = await cli('log', 'verify', '--proof', proof, '--vkey', bad);
      const why = where === 'other log' ? `PROOF_INVALID [log]: the checkpoint is not signed by ${otherVkey}` : `VERIFY_FAILED [vkey]: the verifier key "${bad}" does not check out`;
      expect([where, r.code, r.err]).toEqual([where, 5, expect.stringContaining(why)]);
      const v = await cli('verify', path.join(work, 'no-run'), '--log-proof', proof, '--vkey', bad);
      if (where !== 'other log') expect([where, v.code, v.err]).toEqual([where, 5, expect.stringContaining('VERIFY_FAILED [vkey]: the verifier key')]);
    }
    // Only a missing or shapeless --vkey is a usage error.
    for (const args of [['--proof', proof], ['--proof', proof, '--vkey', 'example.test/log'], ['--proof', proof, '--vkey', 'a+b']]) {
      expect((await cli('log', 'verify', ...args)).code, args.join(' ')).toBe(2);
    }
    expect((await cli('verify', path.join(work, 'no-run'), '--log-proof', proof)).code).toBe(2);
  });
});

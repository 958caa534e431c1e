// A signed sweep's report.html names the signer by key id, as the CLI, verify and a run's report do (tester
// D12: it showed the whole public key). verify still accepts a report written the old way (the whole key),
// since sweeps made before say so, and nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bp-sweep-key-'));
const dir = path.join(work, 'sweep');
const report = path.join(dir, 'report.html');
let fingerprint = '';
let publicKey = '';

beforeAll(async () => {
  expect((await cli('keygen', '--out', path.join(work, 'keys'))).code).toBe(0);
  const r = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5..6', '--grid', 'slow=30',
    '--objective', 'sharpe', '--key', path.join(work, 'keys', 'backproof.key'), '--workers', '1', '--out', dir, '--json');
  expect(r.code).toBe(0);
  fingerprint = (JSON.parse(r.out) as { keyFingerprint: string }).keyFingerprint;
  publicKey = (JSON.parse(readFileSync(path.join(dir, 'sweep-record.json'), 'utf8')) as { publicKey: string }).publicKey;
}, 120_000);

describe('sweep report.html: the signer', () => {
  it('is named by its key id, the one the sweep command printed', () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain(`<dt>signature</dt><dd>Ed25519, key ${fingerprint}</dd>`);
    expect(html).not.toContain(publicKey);
  });

  it('verify passes it; a report with the whole key (as sweeps made before wrote) too; another key id fails', async () => {
    expect((await cli('verify', dir)).code).toBe(0);
    const html = readFileSync(report, 'utf8');
    writeFileSync(report, html.replace(`key ${fingerprint}<`, `key ${publicKey}<`));
    expect((await cli('verify', dir)).code).toBe(0);
    writeFileSync(report, html.replace(`key ${fingerprint}<`, `key ${'0'.repeat(16)}<`));
    const bad = await cli('verify', dir, '--json');
    expect(bad.code).toBe(5);
    expect((JSON.parse(bad.out) as { step: string }).step).toBe('report');
    writeFileSync(report, html);
  }, 60_000);
});

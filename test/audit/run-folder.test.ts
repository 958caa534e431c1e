// Every byte of a run folder is accounted for: a signed run with snapshots and a log inclusion
// proof (so every kind of file exists) is damaged one file at a time — one flipped byte, a removed
// file, an extra file — and verify must fail naming the file, or name it as unverified (and fail
// under strict). Also the semantic edits outside testers made: record.json's equityFinal, a zeroed
// snapshot hash; and attestations built from record.pb, tied to the record's signer.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir, FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { attestRun, verifyAttestation } from '../../host/inspect/attest.ts';
import { generateKeys, rawPublicKey } from '../../host/audit/keys.ts';
import { signEnvelope, IN_TOTO_PAYLOAD_TYPE } from '../../host/audit/dsse.ts';
import { appendEntry, initLog, proveInclusion, parseVerifierKey } from '../../host/tlog/index.ts';
import { sha256 } from '../../traces/index.ts';
import { renderReport, REPORT_FILE } from '../../host/report/index.ts';
import { sourceOfFeed } from '../../host/data/load.ts';
import { AuditError, UsageError } from '../../host/errors.ts';

let work: string, run: string, vkey: { name: string; publicKey: Uint8Array };
const key = createPrivateKey(generateKeys().privateKeyPem);
const other = createPrivateKey(generateKeys().privateKeyPem);

async function filesOf(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(path.join(dir, rel))).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if ((await stat(path.join(dir, r))).isDirectory()) out.push(...(await filesOf(dir, r)));
    else out.push(r);
  }
  return out;
}

let copies = 0;
async function copy(): Promise<string> {
  const dir = path.join(work, `copy-${++copies}`);
  await cp(run, dir, { recursive: true });
  return dir;
}

/** verify's failure, or null when it passes. */
async function verdict(dir: string, strict = true): Promise<AuditError | null> {
  try {
    await verifyRun({ dir, strict });
    return null;
  } catch (e) {
    if (!(e instanceof AuditError)) throw e;
    return e;
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-runfolder-'));
  run = path.join(work, 'run');
  const strategy = await loadStrategy('strategies-as/sma-cross.ts');
  const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 }, snapshotEvery: 500 };
  const data = await openData('data/GOOG.csv', {});
  const outcome = executeRun({ strategy, data, config });
  const ledger = path.join(work, 'ledger');
  vkey = parseVerifierKey(initLog(ledger, key, 'test.local/log').vkey)!;
  await writeRunDir({
    dir: run, force: false, outcome, strategy, config, key, csv: ['trades', 'orders'],
    beforePublish: async (partial, recordPb) => {
      await writeFile(path.join(partial, REPORT_FILE), renderReport({ recordPb, result: outcome.result, times: outcome.times, feeds: [{ open: () => sourceOfFeed(data) }] }));
      const appended = appendEntry(ledger, sha256(recordPb), key);
      await writeFile(path.join(partial, FILES.logInclusion), JSON.stringify(proveInclusion(ledger, appended.index), null, 2) + '\n');
    },
  });
}, 180_000);

describe('verify accounts for every file of a run folder', () => {
  it('the untouched folder verifies under strict, the log proof checked under the record signer (= the log key)', async () => {
    const r = await verifyRun({ dir: run, strict: true });
    expect(r.steps).toEqual(['record', 'signature', 'chain', 'config', 'strategy', 'data', 'trace', 'result', 'files']);
    expect(r.unverified).toEqual([]);
    expect(r.logged).toMatchObject({ index: 0, size: 1, origin: 'test.local/log', signedBy: 'record key' });
    expect((await verifyRun({ dir: run, log: vkey })).logged?.signedBy).toBe('vkey');
    const files = await filesOf(run);
    for (const f of ['record.pb', 'record.json', 'result.pb', 'trades.csv', 'orders.csv', 'stats.json', 'config.json', 'strategy.wasm', 'trace-leaves.bin', 'snapshots.json', 'log-inclusion.json', REPORT_FILE, 'sources/strategies-as/sma-cross.ts'])
      expect(files).toContain(f);
    expect(JSON.parse(await readFile(path.join(run, FILES.snapshots), 'utf8'))).toHaveLength(4);
  });

  it('one flipped byte in any file, at its middle or its end, fails verify naming the file', async () => {
    const files = await filesOf(run);
    expect(files.length).toBeGreaterThanOrEqual(19);
    const passed: string[] = [];
    for (const f of files) {
      const size = (await stat(path.join(run, f))).size;
      for (const at of [Math.floor(size / 2), size - 1]) {
        const dir = await copy();
        const bytes = await readFile(path.join(dir, f));
        bytes[at] = bytes[at]! ^ 0x01;
        await writeFile(path.join(dir, f), bytes);
        const e = await verdict(dir);
        if (!e) passed.push(`${f}@${at}`);
        // The source's path relative to sources/ is what the record names.
        else expect(e.message, `${f}@${at}`).toContain(f.startsWith('sources/') ? f.slice('sources/'.length) : f);
        await rm(dir, { recursive: true });
      }
    }
    expect(passed).toEqual([]);
  });

  it('a removed file fails naming it; log-inclusion.json is optional unless a log key is given, report.html and the CSV files are optional', async () => {
    for (const f of await filesOf(run)) {
      const dir = await copy();
      await rm(path.join(dir, f));
      const e = await verdict(dir);
      // the CSV files are written on demand (backtest --csv, backproof export): a folder without them is whole
      if (f === REPORT_FILE || f === FILES.trades || f === FILES.orders) expect(e, f).toBeNull();
      else if (f === FILES.logInclusion) {
        expect(e).toBeNull();
        await expect(verifyRun({ dir, log: vkey })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'log' });
      } else {
        expect(e?.message, f).toContain(f.startsWith('sources/') ? f.slice('sources/'.length) : f);
      }
      await rm(dir, { recursive: true });
    }
  });

  it('an extra file in sources/ fails; an extra file elsewhere is named unverified and fails under strict', async () => {
    const dir = await copy();
    await writeFile(path.join(dir, 'sources', 'guest-sdk', 'extra.ts'), 'export const x = 1;\n');
    await expect(verifyRun({ dir })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'strategy', message: expect.stringContaining('sources/guest-sdk/extra.ts is not a recorded source') });
    await rm(path.join(dir, 'sources', 'guest-sdk', 'extra.ts'));
    await writeFile(path.join(dir, 'notes.txt'), 'hello\n');
    expect((await verifyRun({ dir })).unverified).toEqual([{ file: 'notes.txt', why: 'not bound by the record' }]);
    await expect(verifyRun({ dir, strict: true })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'files', message: expect.stringContaining('notes.txt') });
  });

  it('an edited equityFinal in record.json and a zeroed snapshot hash fail (outside testers passed both)', async () => {
    const dir = await copy();
    const rec = JSON.parse(await readFile(path.join(dir, FILES.recordJson), 'utf8'));
    rec.links[5].body.equityFinal = 99999;
    await writeFile(path.join(dir, FILES.recordJson), JSON.stringify(rec, null, 2) + '\n');
    await expect(verifyRun({ dir })).rejects.toMatchObject({ step: 'files', message: expect.stringContaining('record.json line') });
    await cp(path.join(run, FILES.recordJson), path.join(dir, FILES.recordJson));
    const snaps = JSON.parse(await readFile(path.join(dir, FILES.snapshots), 'utf8'));
    snaps[1].sha256 = '0'.repeat(64);
    await writeFile(path.join(dir, FILES.snapshots), JSON.stringify(snaps, null, 2) + '\n');
    await expect(verifyRun({ dir })).rejects.toMatchObject({ step: 'trace', message: expect.stringContaining('snapshot list in snapshots.json') });
  });

  it('a log proof for another record fails; one under a log key that is not the signer is checked as far as it can be and named unverified', async () => {
    const dir = await copy();
    const p = JSON.parse(await readFile(path.join(dir, FILES.logInclusion), 'utf8'));
    await writeFile(path.join(dir, FILES.logInclusion), JSON.stringify({ ...p, entry: 'ab'.repeat(32) }, null, 2) + '\n');
    await expect(verifyRun({ dir })).rejects.toMatchObject({ step: 'log' });
    const ledger = path.join(work, 'ledger-other');
    initLog(ledger, other, 'other.local/log');
    const appended = appendEntry(ledger, sha256(new Uint8Array(await readFile(path.join(dir, FILES.record)))), other);
    await writeFile(path.join(dir, FILES.logInclusion), JSON.stringify(proveInclusion(ledger, appended.index), null, 2) + '\n');
    const r = await verifyRun({ dir });
    expect(r.logged?.signedBy).toBeNull();
    expect(r.unverified.map((u) => u.file)).toEqual([FILES.logInclusion]);
    await expect(verifyRun({ dir, strict: true })).rejects.toMatchObject({ step: 'files' });
  });
});

describe('issue 9: a log checkpoint signed by the record key, and empty folders', () => {
  /** verify's verdict on the folder with byte `at` of log-inclusion.json XOR 1 (the file stays canonical JSON). */
  async function flipped(at: number): Promise<AuditError | null> {
    const dir = await copy();
    const bytes = await readFile(path.join(dir, FILES.logInclusion));
    bytes[at]! ^= 1;
    await writeFile(path.join(dir, FILES.logInclusion), bytes);
    try {
      return await verdict(dir, false);
    } finally {
      await rm(dir, { recursive: true });
    }
  }

  it('one flipped byte of the checkpoint (origin, size, root, signer name, key ID, signature) fails at step log, without --vkey', async () => {
    const text = await readFile(path.join(run, FILES.logInclusion), 'utf8');
    const start = text.indexOf('"checkpoint": "') + '"checkpoint": "'.length;
    const sigAt = text.indexOf('\u2014 test.local/log ', start);
    expect(text.slice(start, start + 'test.local/log\\n'.length)).toBe('test.local/log\\n');
    const sigB64 = Buffer.byteLength(text.slice(0, sigAt)) + Buffer.byteLength('\u2014 test.local/log ');
    // origin (first, middle), size, signer name, key ID (base64 chars 0-4), the signature
    const bytes = [start, start + 5, start + 'test.local/log\\n'.length, Buffer.byteLength(text.slice(0, sigAt)) + 8, sigB64, sigB64 + 3, sigB64 + 10, sigB64 + 40, sigB64 + 80];
    for (const at of bytes) {
      const e = await flipped(at);
      expect(e, `byte ${at}`).toMatchObject({ code: 'VERIFY_FAILED', step: 'log', message: expect.stringContaining(FILES.logInclusion) });
    }
  });

  it('an empty folder outside sources/ is named unverified (fails under strict); inside sources/ it fails', async () => {
    const dir = await copy();
    await mkdir(path.join(dir, 'emptydir'));
    expect((await verifyRun({ dir })).unverified).toEqual([{ file: 'emptydir/', why: 'an empty folder, not bound by the record' }]);
    await expect(verifyRun({ dir, strict: true })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'files', message: expect.stringContaining('emptydir/') });
    await rm(path.join(dir, 'emptydir'), { recursive: true });
    await mkdir(path.join(dir, 'sources', 'emptydir'));
    await expect(verifyRun({ dir })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'strategy', message: expect.stringContaining('sources/emptydir/ is not a recorded source') });
  });
});

describe('attestations are built from record.pb and tied to its signer', () => {
  it('an edited record.json in the folder does not reach the statement; an edited predicate fails', async () => {
    const dir = await copy();
    const rec = JSON.parse(await readFile(path.join(dir, FILES.recordJson), 'utf8'));
    const original = structuredClone(rec);
    rec.links[5].body.equityFinal = 99999;
    await writeFile(path.join(dir, FILES.recordJson), JSON.stringify(rec, null, 2) + '\n');
    const env = await attestRun(dir, key);
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString());
    expect(st.predicate.record).toEqual(original);
    expect(verifyAttestation(env, rawPublicKey(key)).runId).toBe(original.runId);
    // The signer re-signs a statement whose readable record says something else: still refused.
    st.predicate.record.links[5].body.equityFinal = 99999;
    const forged = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(st)), key);
    expect(() => verifyAttestation(forged, rawPublicKey(key))).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', step: 'statement' }));
  });

  it('only the record signer can attest, and an envelope by another key is refused', async () => {
    await expect(attestRun(run, other)).rejects.toSatisfy((e) => e instanceof UsageError && e.code === 'KEY_ERROR');
    const env = await attestRun(run, key);
    const resigned = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(env.payload, 'base64'), other);
    expect(() => verifyAttestation(resigned, rawPublicKey(other))).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', step: 'signer' }));
  });
});

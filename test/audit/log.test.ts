// The transparency log: C2SP signed notes (the published Go test vector), appends, checkpoints,
// inclusion and consistency proofs through the CLI, every stored byte tampered with, appends killed
// with SIGKILL mid-write, the writer lock, 2, 4 and 8 processes appending at once (some killed), and
// appends from the compact range.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { rng } from '../helpers/generate.ts';
import { acknowledged, go, holderOf, plantLock, startChild, startWriter, type Writer } from '../helpers/log-writers.ts';
import { loadPrivateKey, rawPublicKey } from '../../host/index.ts';
import { appendEntry, initLog, openNote, parseVerifierKey, proveInclusion, signNote, verifierKey, verifyInclusionProof, verifyLog, ENTRY_SIZE } from '../../host/tlog/index.ts';
import { appendToRange, rangeLength, rangeOfLeaves, rootOfRange } from '../../host/tlog/range.ts';
import { emptyRoot, hashChildren, hashLeaf, sha256, toHex } from '../../traces/index.ts';

let work: string, keyFile: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-log-'));
  expect((await cli('keygen', '--out', path.join(work, 'keys'))).code).toBe(0);
  keyFile = path.join(work, 'keys', 'backproof.key');
});

describe('C2SP signed notes', () => {
  // golang.org/x/mod/sumdb/note's example: the key PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALV…
  const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const signed = `${text}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

  it('signs the published example byte for byte and opens it', () => {
    expect(signNote(text, 'PeterNeumann', key)).toBe(signed);
    expect(verifierKey('PeterNeumann', rawPublicKey(key))).toBe('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    expect(parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')?.name).toBe('PeterNeumann');
    expect(parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toBeNull();
    expect(openNote(signed, 'PeterNeumann', rawPublicKey(key))).toBe(text);
  });

  it('reads back verifier keys whose base64 holds "+"', () => {
    let seen = 0;
    for (let s = 0; s < 64; s++) {
      const k = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), sha256(new Uint8Array([s]))]), format: 'der', type: 'pkcs8' });
      const vkey = verifierKey('a.example/log', rawPublicKey(k));
      if (vkey.split('+').length > 3) seen++;
      expect(parseVerifierKey(vkey)).toEqual({ name: 'a.example/log', publicKey: rawPublicKey(k) });
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('rejects a note with any byte changed, another name, or a malformed signature line', () => {
    const pub = rawPublicKey(key);
    const bytes = Buffer.from(signed);
    for (let i = 0; i < bytes.length; i++) {
      const b = Buffer.from(bytes);
      b[i] = b[i]! ^ 0x01;
      expect([i, openNote(b.toString('utf8'), 'PeterNeumann', pub)]).toEqual([i, null]);
    }
    expect(openNote(signed, 'PeterNeumann2', pub)).toBeNull();
    expect(openNote(signed.replace('— ', '-- '), 'PeterNeumann', pub)).toBeNull();
    expect(openNote(text, 'PeterNeumann', pub)).toBeNull();
  });
});

describe('backproof log', () => {
  it('init, append, checkpoint, prove and consistency, verified offline with the verifier key', async () => {
    const log = path.join(work, 'log');
    const init = await cli('log', 'init', log, '--key', keyFile, '--origin', 'example.test/backproof');
    expect(init.code, init.err).toBe(0);
    const vkey = init.out.split('\n')[1]!.replace('verifier key ', '');
    expect(parseVerifierKey(vkey)).toEqual({ name: 'example.test/backproof', publicKey: rawPublicKey(await loadPrivateKey(keyFile)) });
    const run = path.join(work, 'run');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run, '--unsigned')).code).toBe(0);
    const recordHash = toHex(sha256(new Uint8Array(await readFile(path.join(run, 'record.pb')))));
    for (let i = 0; i < 3; i++) expect((await cli('log', 'append', log, '--hash', toHex(sha256(Buffer.from(`e${i}`))), '--key', keyFile)).code).toBe(0);
    const old = (await cli('log', 'checkpoint', log)).out + '\n';
    expect(old.split('\n').slice(0, 2)).toEqual(['example.test/backproof', '3']);
    await writeFile(path.join(work, 'old.note'), old);
    const appended = await cli('log', 'append', log, run, '--key', keyFile);
    expect(appended.out).toContain(`appended entry 3 (${recordHash}); tree size 4`);
    for (let i = 3; i < 11; i++) await cli('log', 'append', log, '--hash', toHex(sha256(Buffer.from(`e${i}`))), '--key', keyFile);

    expect((await cli('log', 'prove', log, run, '--out', path.join(work, 'incl.json'))).code).toBe(0);
    const incl = JSON.parse(await readFile(path.join(work, 'incl.json'), 'utf8'));
    expect([incl.index, incl.size, incl.entry]).toEqual([3, 12, recordHash]);
    const ok = await cli('log', 'verify', '--proof', path.join(work, 'incl.json'), '--vkey', vkey);
    expect(ok.out).toMatch(new RegExp(`^OK entry 3 \\(${recordHash}\\) is in the tree of size 12, root [0-9a-f]{64}$`));

    // Compliance: the run's signature, chain and files, and its log inclusion, without re-running it.
    const logged = await cli('verify', run, '--log-proof', path.join(work, 'incl.json'), '--vkey', vkey);
    expect(logged.code, logged.err).toBe(0);
    expect(logged.out).toContain('logged     entry 3 of example.test/backproof, in its checkpoint of size 12 (signed under --vkey)');
    expect((await cli('log', 'prove', log, '--index', '2', '--out', path.join(work, 'incl2.json'))).code).toBe(0);
    const wrong = await cli('verify', run, '--log-proof', path.join(work, 'incl2.json'), '--vkey', vkey);
    expect([wrong.code, wrong.err]).toEqual([5, expect.stringContaining('PROOF_INVALID [log]: the proof is for entry')]);

    expect((await cli('log', 'consistency', log, '--from', '3', '--out', path.join(work, 'cons.json'))).code).toBe(0);
    const cons = await cli('log', 'verify', '--proof', path.join(work, 'cons.json'), '--vkey', vkey, '--old-checkpoint', path.join(work, 'old.note'));
    expect(cons.out).toMatch(/^OK the tree of size 12 \(root [0-9a-f]{64}\) extends the tree of size 3/);

    // Damaged proofs and foreign checkpoints are refused.
    const bad = async (file: string, value: unknown, extra: string[] = []) => {
      await writeFile(path.join(work, file), JSON.stringify(value));
      return cli('log', 'verify', '--proof', path.join(work, file), '--vkey', vkey, ...extra);
    };
    const consJson = JSON.parse(await readFile(path.join(work, 'cons.json'), 'utf8'));
    const cases: [string, unknown, string[]][] = [
      ['i1.json', { ...incl, index: 4 }, []],
      ['i2.json', { ...incl, entry: 'f'.repeat(64) }, []],
      ['i3.json', { ...incl, proof: incl.proof.slice(1) }, []],
      ['i4.json', { ...incl, proof: [...incl.proof, incl.proof[0]] }, []],
      ['i5.json', { ...incl, size: 11 }, []],
      ['i6.json', { ...incl, checkpoint: incl.checkpoint.replace('\n12\n', '\n13\n') }, []],
      ['c1.json', { ...consJson, proof: consJson.proof.slice(0, -1) }, ['--old-checkpoint', path.join(work, 'old.note')]],
      ['c2.json', { ...consJson, from: 4 }, ['--old-checkpoint', path.join(work, 'old.note')]],
      ['c3.json', { ...consJson, proof: consJson.proof.map((h: string, k: number) => (k === 0 ? h.replace(/^./, h[0] === '0' ? '1' : '0') : h)) }, ['--old-checkpoint', path.join(work, 'old.note')]],
    ];
    for (const [file, value, extra] of cases) {
      const r = await bad(file, value, extra);
      expect([file, r.code, r.err]).toEqual([file, 5, expect.stringContaining('PROOF_INVALID [log]')]);
    }
    const other = await cli('log', 'verify', '--proof', path.join(work, 'incl.json'), '--vkey', vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'));
    expect([other.code, other.err]).toEqual([5, expect.stringContaining('VERIFY_FAILED [vkey]')]); // a verifier key whose ID does not match its key fails (test/e2e/log-vkey.test.ts)
  });

  it('detects a change to any byte of any stored entry or of the checkpoint', async () => {
    const log = path.join(work, 'tamper');
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, 'example.test/tamper');
    for (let i = 0; i < 5; i++) appendEntry(log, sha256(Buffer.from(`t${i}`)), key);
    expect(verifyLog(log).size).toBe(5);
    for (const file of ['entries', 'checkpoint']) {
      const original = await readFile(path.join(log, file));
      for (let i = 0; i < original.length; i++) {
        const b = Buffer.from(original);
        b[i] = b[i]! ^ 0x01;
        await writeFile(path.join(log, file), b);
        let code = 'none';
        try {
          verifyLog(log);
        } catch (e) {
          code = (e as { code: string }).code;
        }
        expect([file, i, code]).toEqual([file, i, 'LOG_CORRUPT']);
      }
      await writeFile(path.join(log, file), original);
    }
    // A dropped entry, and a key other than the trusted one.
    const entries = await readFile(path.join(log, 'entries'));
    await writeFile(path.join(log, 'entries'), entries.subarray(0, entries.length - ENTRY_SIZE));
    expect(() => verifyLog(log)).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringMatching(/holds 4 entries, the checkpoint covers 5/) }));
    await writeFile(path.join(log, 'entries'), entries);
    const cliVerify = await cli('log', 'verify', log, '--pubkey', path.join(work, 'keys', 'backproof.pub'));
    expect(cliVerify.out).toMatch(/^OK log example\.test\/tamper: 5 entries/);
    await cli('keygen', '--out', path.join(work, 'other'));
    expect((await cli('log', 'verify', log, '--pubkey', path.join(work, 'other', 'backproof.pub'))).err).toContain('LOG_CORRUPT');
  });

  it('bad input: no log, a log twice, another key, a malformed hash, a proof that is not JSON', async () => {
    const missing = await cli('log', 'append', path.join(work, 'nowhere'), '--hash', '0'.repeat(64), '--key', keyFile);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('no log at')]);
    const log = path.join(work, 'bad');
    expect((await cli('log', 'init', log, '--key', keyFile)).code).toBe(0);
    expect((await cli('log', 'init', log, '--key', keyFile)).err).toContain('OUTPUT_EXISTS');
    await cli('keygen', '--out', path.join(work, 'k2'));
    const wrongKey = await cli('log', 'append', log, '--hash', '0'.repeat(64), '--key', path.join(work, 'k2', 'backproof.key'));
    expect([wrongKey.code, wrongKey.err]).toEqual([2, expect.stringContaining("KEY_ERROR: this key is not the log's key")]);
    expect((await cli('log', 'append', log, '--hash', 'xyz', '--key', keyFile)).err).toContain('--hash must be 64 lowercase hex digits');
    expect((await cli('log', 'append', log, work, '--key', keyFile)).err).toContain('is not a run folder');
    expect((await cli('log', 'prove', log, '--index', '0')).err).toContain('entry 0 is not in the log (size 0)');
    expect((await cli('log', 'consistency', log, '--from', '2')).err).toContain('--from 2 must be a size in 0..0');
    await writeFile(path.join(work, 'junk.json'), 'not json');
    expect((await cli('log', 'verify', '--proof', path.join(work, 'junk.json'), '--vkey', 'a+00000000+AQ==')).code).toBe(2);
    expect((await cli('log', 'frobnicate', log)).err).toContain('unknown log command');
    expect(verifyLog(log).size).toBe(0); // nothing was half-written
  });

  it('loses no returned append when the writer is killed with SIGKILL mid-append, many times', async () => {
    const log = path.join(work, 'crash');
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, 'example.test/crash');
    const acked = new Map<number, string>();
    const next = rng(11);
    let staleLocks = 0, pending = 0;
    for (let round = 0; round < 20; round++) {
      const writer = startWriter(log, keyFile, `r${round}`);
      await writer.ready;
      go([writer]);
      // Kill at a random moment after the first append returned.
      await firstAcknowledgement(writer);
      await sleep(5 + Math.floor(next() * 60));
      writer.child.kill('SIGKILL');
      await writer.closed;
      expect(writer.err()).toBe('');
      for (const [i, hex] of acknowledged(writer)) acked.set(i, hex);
      const top = await topLock(log);
      if (typeof top === 'object' && 'pid' in top) staleLocks++;
      const status = verifyLog(log);
      if (status.pendingBytes > 0) pending++;
      const entries = await readFile(path.join(log, 'entries'));
      expect(status.size).toBeGreaterThanOrEqual(acked.size);
      for (const [i, hex] of acked) expect([i, entries.subarray(i * 32, i * 32 + 32).toString('hex')]).toEqual([i, hex]);
    }
    expect(acked.size).toBeGreaterThan(20);
    // Most kills land inside an append (the dead writer still holds the lock), and some between the
    // entry's write and its checkpoint, which the next append discards.
    expect(staleLocks).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(0);
    const final = await cli('log', 'verify', log);
    expect(final.code).toBe(0);
    // One more append after all the kills: the log carries on from where the checkpoint says.
    const r = appendEntry(log, sha256(Buffer.from('after')), key);
    expect(r.index).toBe(verifyLog(log).size - 1);
  }, 120_000);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const entryHex = (text: string) => toHex(sha256(Buffer.from(text)));

/** What the highest generation of a log's lock says ('unreadable': a writer killed while it created the file). */
async function topLock(log: string): Promise<{ free: true } | { pid: number } | 'unreadable'> {
  const top = Math.max(...(await readdir(path.join(log, 'locks'))).filter((n) => /^\d+$/.test(n)).map(Number));
  try {
    return JSON.parse(await readFile(path.join(log, 'locks', String(top)), 'utf8'));
  } catch {
    return 'unreadable';
  }
}

/** Resolves once the writer has acknowledged `count` appends (default 1), or has exited before. */
function firstAcknowledgement(w: Writer, count = 1): Promise<void> {
  const acked = new Promise<void>((resolve) => {
    const check = () => (acknowledged(w).length >= count ? resolve() : w.child.stdout!.once('data', check));
    check();
  });
  return Promise.race([acked, w.closed.then(() => undefined)]);
}

/** A holder whose process has exited (and been reaped). */
function deadHolder() {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  return { ...holderOf(process.pid), pid, start: '1' };
}

describe('the writer lock', () => {
  it('is never taken from a live holder: an append waits, while the lock changes hands too, and goes on once the holder is gone', async () => {
    const log = path.join(work, 'held');
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, 'example.test/held');
    const startHolder = async () => {
      const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      const closed = new Promise((r) => holder.once('close', r));
      await new Promise((r) => holder.once('spawn', r));
      return Object.assign(holder, { closed });
    };
    const first = await startHolder();
    await plantLock(log, 7, holderOf(first.pid!));
    // In this process: it waits, then gives up, leaving the lock as it was.
    expect(() => appendEntry(log, sha256(Buffer.from('x')), key, { waitMs: 150 }))
      .toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining(`being appended to by process ${first.pid}`) }));
    expect([(await readdir(path.join(log, 'locks'))).sort(), await topLock(log)]).toEqual([['1', '2', '7'], holderOf(first.pid!)]);
    // In another process, willing to wait 1.5 s for one holder: it waits as long as the holder lives,
    // and longer than 1.5 s in all when the lock passes to another live holder after 1 s.
    const writer = startChild('test/helpers/log-appender.ts', [log, keyFile, 'held', '1', '1500'], 'held');
    await writer.ready;
    go([writer]);
    await sleep(1000);
    const second = await startHolder();
    await plantLock(log, 8, holderOf(second.pid!));
    first.kill('SIGKILL');
    await sleep(1000);
    expect(acknowledged(writer)).toEqual([]);
    second.kill('SIGKILL');
    await Promise.all([first.closed, second.closed]);
    expect([await writer.closed, writer.err()]).toEqual([0, '']);
    expect(acknowledged(writer)).toEqual([[0, entryHex('held/0')]]);
    expect(verifyLog(log).size).toBe(1);
  }, 30_000);

  it('is taken over from a holder that is gone (dead, pid reused, rebooted, unreadable), never from a live one or another host', async () => {
    const log = path.join(work, 'takeover');
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, 'example.test/takeover');
    const self = holderOf(process.pid);
    const gone: [string, unknown][] = [
      ['dead pid', deadHolder()],
      ['pid reused: alive, another start time', { ...self, start: String(Number(self.start) + 1) }],
      ['another boot', { ...self, boot: '00000000-0000-0000-0000-000000000000' }],
      ['empty file', ''],
      ['not JSON', 'garbage'],
      ['pid 0', { ...self, pid: 0 }],
      ['a pid no process can have', { ...self, pid: 2 ** 40 }],
    ];
    let generation = 100, index = 0;
    for (const [what, content] of gone) {
      await plantLock(log, generation, content);
      expect([what, appendEntry(log, sha256(Buffer.from(what)), key).index]).toEqual([what, index++]);
      // Taken as generation + 1, released as generation + 2; everything below the taken one removed.
      expect([what, (await readdir(path.join(log, 'locks'))).sort()]).toEqual([what, [String(generation + 1), String(generation + 2)]]);
      generation += 100;
    }
    // The same process is not exempt (another thread may hold it); another host cannot be judged.
    for (const [what, content] of [['this process', self], ['another host', { ...self, pid: 1, host: 'elsewhere.invalid' }]] as const) {
      await plantLock(log, generation, content);
      expect(() => appendEntry(log, sha256(Buffer.from(what)), key, { waitMs: 100 })).toThrow(expect.objectContaining({ code: 'USAGE' }));
      expect([what, await topLock(log)]).toEqual([what, content]);
      generation += 100;
    }
    expect(verifyLog(log).size).toBe(gone.length);
  });
});

describe('concurrent writers', () => {
  it('4 processes create the same log at once: one does, the others are told it exists, and the log is whole', async () => {
    const log = path.join(work, 'init-race');
    const keys = await Promise.all([0, 1, 2, 3].map(async (k) => {
      expect((await cli('keygen', '--out', path.join(work, `init-race-key${k}`))).code).toBe(0);
      return path.join(work, `init-race-key${k}`, 'backproof.key');
    }));
    const creators = keys.map((key, k) => startChild('test/helpers/log-init.ts', [log, key, `example.test/init-${k}`], `init${k}`));
    await Promise.all(creators.map((c) => c.ready));
    go(creators);
    await Promise.all(creators.map((c) => c.closed));
    const said = creators.map((c) => c.out().replace('ready\n', '').trim());
    expect([...said].sort()).toEqual(['OUTPUT_EXISTS', 'OUTPUT_EXISTS', 'OUTPUT_EXISTS', 'created']);
    const winner = said.indexOf('created');
    // The log is the winner's alone: its key, its origin, its empty tree.
    const status = verifyLog(log, rawPublicKey(await loadPrivateKey(keys[winner]!)));
    expect([status.origin, status.size]).toEqual([`example.test/init-${winner}`, 0]);
    expect(appendEntry(log, sha256(Buffer.from('first')), await loadPrivateKey(keys[winner]!)).index).toBe(0);
  });

  const next = rng(29);
  it('4 worker threads of one process (one pid) append at once: each index once, each entry at its index', async () => {
    const log = path.join(work, 'threads');
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, 'example.test/threads');
    const tags = ['t0', 't1', 't2', 't3'];
    const returned = await Promise.all(tags.map((tag) => new Promise<number[]>((resolve, reject) => {
      const worker = new Worker(new URL('../helpers/log-thread.ts', import.meta.url), { workerData: { log, keyFile, tag, count: 15 } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })));
    const entries = await readFile(path.join(log, 'entries'));
    expect(verifyLog(log).size).toBe(60);
    for (const [k, indexes] of returned.entries()) {
      expect(indexes.map((i) => [i, entries.subarray(i * 32, i * 32 + 32).toString('hex')])).toEqual(indexes.map((i, n) => [i, entryHex(`${tags[k]}/${n}`)]));
    }
    expect(new Set(returned.flat()).size).toBe(60);
  });

  it.each([
    [2, 40, 1],
    [4, 20, 2],
    [8, 12, 3],
  ])('%i processes append at once (%i each), %i of them killed with SIGKILL mid-append: every acknowledged entry is in the log once, at its index', async (n, count, kills) => {
    const log = path.join(work, `concurrent-${n}`);
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, `example.test/concurrent-${n}`);
    // They start by racing to take over the lock of a writer that died holding it.
    await plantLock(log, 1, deadHolder());
    // The first `kills` writers append until they are killed; the others append `count` entries.
    const writers = Array.from({ length: n }, (_, k) => startWriter(log, keyFile, `w${n}.${k}`, k < kills ? undefined : count));
    await Promise.all(writers.map((w) => w.ready));
    go(writers);
    const killed = writers.slice(0, kills).map(async (w) => {
      await firstAcknowledgement(w);
      await sleep(5 + Math.floor(next() * 50));
      w.child.kill('SIGKILL');
    });
    // Readers take no lock: while the writers run, the log always verifies and proves its last entry.
    let reading = true, reads = 0;
    const readErrors: string[] = [];
    const reader = (async () => {
      while (reading) {
        try {
          const { size } = verifyLog(log);
          if (size > 0) verifyInclusionProof(proveInclusion(log, size - 1), `example.test/concurrent-${n}`, rawPublicKey(key));
          reads++;
        } catch (e) {
          readErrors.push(String(e));
        }
        await sleep(10);
      }
    })();
    const codes = await Promise.all(writers.map((w) => w.closed));
    await Promise.all(killed);
    reading = false;
    await reader;
    expect([readErrors, reads > 0]).toEqual([[], true]);

    const status = verifyLog(log);
    const entries = await readFile(path.join(log, 'entries'));
    const logged = Array.from({ length: status.size }, (_, i) => entries.subarray(i * 32, i * 32 + 32).toString('hex'));
    const ackedAt = new Map<number, string>();
    const mayBeLogged = new Set<string>();
    for (const [k, w] of writers.entries()) {
      const acks = acknowledged(w);
      expect([w.tag, codes[k], w.err()]).toEqual([w.tag, k < kills ? null : 0, '']);
      if (k >= kills) expect([w.tag, acks.length]).toEqual([w.tag, count]);
      // Each writer's appends returned in its order, at increasing indexes.
      expect(acks.map(([, hex]) => hex)).toEqual(acks.map((_, i) => entryHex(`${w.tag}/${i}`)));
      expect(acks.every(([i], j) => j === 0 || i > acks[j - 1]![0])).toBe(true);
      for (const [i, hex] of acks) {
        expect([i, ackedAt.get(i)]).toEqual([i, undefined]); // no index acknowledged twice
        ackedAt.set(i, hex);
        expect([i, logged[i]]).toEqual([i, hex]);
        mayBeLogged.add(hex);
      }
      // A killed writer may have had its last append committed, not yet acknowledged.
      if (k < kills) mayBeLogged.add(entryHex(`${w.tag}/${acks.length}`));
    }
    // Every acknowledged entry is there exactly once, and nothing else is, but a killed writer's last append.
    expect(new Set(logged).size).toBe(logged.length);
    expect(logged.filter((hex) => !mayBeLogged.has(hex))).toEqual([]);
    expect(status.size - ackedAt.size).toBeLessThanOrEqual(kills);
    const verified = await cli('log', 'verify', log);
    expect([verified.code, verified.out]).toEqual([0, expect.stringContaining(`: ${status.size} entries`)]);
    expect(appendEntry(log, sha256(Buffer.from('after')), key).index).toBe(status.size);
    // Nothing piles up: the lock is the generation taken and the free one after it; no tmp file is left.
    const locks = (await readdir(path.join(log, 'locks'))).map(Number).sort((a, b) => a - b);
    expect([locks.length, locks[1]! - locks[0]!]).toEqual([2, 1]);
    expect((await readdir(log)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

// RFC 9162 §2.1.1 MTH over leaf hashes, recursively (the reference for the compact range).
const mth = (leaves: Uint8Array[]): Uint8Array => {
  if (leaves.length <= 1) return leaves[0] ?? emptyRoot();
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
};

describe('appends from the compact range', () => {
  it('the compact range of every size 0..300, built a leaf at a time, folds to the RFC 9162 root', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => hashLeaf(sha256(Buffer.from(`leaf ${i}`))));
    let range: Uint8Array[] = [];
    for (let n = 0; n <= leaves.length; n++) {
      expect([n, range.length, toHex(rootOfRange(range))]).toEqual([n, rangeLength(n), toHex(mth(leaves.slice(0, n)))]);
      if (n < leaves.length) range = appendToRange(range, n, leaves[n]!);
    }
    expect(rangeOfLeaves(leaves).map(toHex)).toEqual(range.map(toHex));
  });

  it('an append reads the stored range, not every entry, and uses a range only if it folds to the signed root', async () => {
    const log = path.join(work, 'range');
    const key = await loadPrivateKey(keyFile);
    initLog(log, key, 'example.test/range');
    const leaves: Uint8Array[] = [];
    const append = (name: string) => {
      const entry = sha256(Buffer.from(name));
      leaves.push(hashLeaf(entry));
      const r = appendEntry(log, entry, key);
      expect([name, r.index, toHex(r.root)]).toEqual([name, leaves.length - 1, toHex(mth(leaves))]);
    };
    for (let i = 0; i < 40; i++) append(`r${i}`);
    // A changed entry is not read again by an append (log verify finds it); the signed tree stays the true one.
    const entriesFile = path.join(log, 'entries');
    const entries = await readFile(entriesFile);
    const changed = Buffer.from(entries);
    changed[0] = changed[0]! ^ 1;
    await writeFile(entriesFile, changed);
    append('after a changed entry');
    expect(() => verifyLog(log)).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT' }));
    await writeFile(entriesFile, Buffer.concat([entries, (await readFile(entriesFile)).subarray(entries.length)]));
    expect(verifyLog(log).size).toBe(41);
    // A range that is missing (a log of an earlier version), of another size, or changed is rebuilt from the entries.
    const rangeFile = path.join(log, 'range');
    const stored = await readFile(rangeFile);
    expect(stored.length).toBe(8 + rangeLength(41) * 32);
    const otherSize = Buffer.from(stored);
    otherSize[7] = otherSize[7]! ^ 1;
    const flipped = Buffer.from(stored);
    flipped[stored.length - 1] = flipped[stored.length - 1]! ^ 1;
    for (const [what, bytes] of [['missing', null], ['another size', otherSize], ['a changed hash', flipped], ['truncated', stored.subarray(0, 40)]] as const) {
      if (bytes === null) await rm(rangeFile);
      else await writeFile(rangeFile, bytes);
      append(`with the range ${what}`);
    }
    // ... and then the entries are checked: a changed entry behind an untrusted range stops the append.
    await writeFile(rangeFile, flipped);
    const now = await readFile(entriesFile);
    const bad = Buffer.from(now);
    bad[32] = bad[32]! ^ 1;
    await writeFile(entriesFile, bad);
    expect(() => appendEntry(log, sha256(Buffer.from('x')), key)).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT' }));
    await writeFile(entriesFile, now);
    expect(verifyLog(log).size).toBe(leaves.length);
  });
});

describe('backtest --log', () => {
  it('logs the record as the run is made; verify --vkey then checks the inclusion from the run folder alone', async () => {
    const log = path.join(work, 'runs-log');
    const init = await cli('log', 'init', log, '--key', keyFile, '--origin', 'example.test/runs');
    const vkey = init.out.split('\n')[1]!.replace('verifier key ', '');
    const run = path.join(work, 'logged-run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run, '--key', keyFile, '--log', log);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`logged        entry 0 of example.test/runs (tree size 1); proof in ${path.join(run, 'log-inclusion.json')}`);
    const v = await cli('verify', run, '--vkey', vkey);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toContain('logged     entry 0 of example.test/runs, in its checkpoint of size 1 (signed under --vkey)');
    // A log whose key is not the one given is refused before anything runs.
    await cli('keygen', '--out', path.join(work, 'k3'));
    const refused = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'not-run'), '--key', path.join(work, 'k3', 'backproof.key'), '--log', log);
    expect([refused.code, refused.err]).toEqual([2, expect.stringContaining('is not the key of the log')]);
    expect(existsSync(path.join(work, 'not-run'))).toBe(false);
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'x'), '--log', path.join(work, 'no-log'))).err).toContain('no log at');
  });

  it('logs a run while other processes append to the same log: its record once, at the index it printed, with a valid proof', async () => {
    const log = path.join(work, 'busy-log');
    const init = await cli('log', 'init', log, '--key', keyFile, '--origin', 'example.test/busy');
    const vkey = init.out.split('\n')[1]!.replace('verifier key ', '');
    const writers = [0, 1].map((k) => startWriter(log, keyFile, `busy${k}`));
    await Promise.all(writers.map((w) => w.ready));
    go(writers);
    await Promise.all(writers.map(firstAcknowledgement));
    const run = path.join(work, 'busy-run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run, '--key', keyFile, '--log', log);
    const index = Number(/^logged {8}entry (\d+) of example\.test\/busy /m.exec(r.out)?.[1]);
    // The writers go on until one has acknowledged an append after the run's (an acknowledgement read
    // after the run ended may be of an append made before it, so a count of new ones is not enough).
    while (!writers.flatMap(acknowledged).some(([i]) => i > index) && writers.some((w) => w.child.exitCode === null)) await sleep(20);
    writers.forEach((w) => w.child.kill('SIGKILL'));
    await Promise.all(writers.map((w) => w.closed));
    expect(r.code, r.err).toBe(0);

    const status = verifyLog(log);
    const entries = await readFile(path.join(log, 'entries'));
    const logged = Array.from({ length: status.size }, (_, i) => entries.subarray(i * 32, i * 32 + 32).toString('hex'));
    const record = toHex(sha256(new Uint8Array(await readFile(path.join(run, 'record.pb')))));
    expect([index, logged[index], logged.filter((hex) => hex === record).length]).toEqual([index, record, 1]);
    const proof = JSON.parse(await readFile(path.join(run, 'log-inclusion.json'), 'utf8'));
    expect([proof.index, proof.entry]).toEqual([index, record]);
    const v = await cli('verify', run, '--vkey', vkey);
    expect(v.code, v.err).toBe(0);
    // The other writers' appends are all in place too, before and after the run's.
    const acks = writers.flatMap(acknowledged);
    for (const [i, hex] of acks) expect([i, logged[i]]).toEqual([i, hex]);
    expect([acks.some(([i]) => i < index), acks.some(([i]) => i > index)]).toEqual([true, true]);
    expect((await cli('log', 'verify', log)).code).toBe(0);
  }, 60_000);
});

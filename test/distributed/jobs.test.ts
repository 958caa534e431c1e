// What the coordinator and the workers agree on, without Redis: Redis URLs, job ids, the payload check
// (every field), a typed error as a failed job's reason and back, and the strategy bundle in the store.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkJob, failureError, failureText, redactedUrl, JOB_FORMAT, jobId, jobToolchain, redisConnection, type SweepJob } from '../../host/distributed/queue.ts';
import { getStrategy, putStrategy } from '../../host/distributed/bundle.ts';
import { FolderStore } from '../../host/distributed/store.ts';
import { AuditError, DataError, SandboxError, UsageError } from '../../host/errors.ts';
import { toolchainMessage } from '../../host/run/toolchain.ts';
import type { StrategyArtifact } from '../../host/run/execute.ts';
import { cli } from '../helpers/cli.ts';

const H = 'ab'.repeat(32);

describe('redis URLs', () => {
  it('host, port (default 6379), database, credentials, TLS', () => {
    expect(redisConnection('redis://127.0.0.1:6380')).toEqual({ host: '127.0.0.1', port: 6380, db: 0 });
    expect(redisConnection('redis://cache')).toEqual({ host: 'cache', port: 6379, db: 0 });
    expect(redisConnection('redis://:s%40cret@h/3')).toEqual({ host: 'h', port: 6379, db: 3, password: 's@cret' });
    expect(redisConnection('rediss://user:pw@[::1]:7000/')).toEqual({ host: '::1', port: 7000, db: 0, username: 'user', password: 'pw', tls: {} });
  });

  it.each([
    ['localhost:6379', 'the scheme must be redis:// or rediss://, not localhost://'],
    ['http://h:1', 'the scheme must be redis:// or rediss://, not http://'],
    ['redis ://h', 'not a URL; expected redis://HOST:PORT'],
    ['redis:///0', 'no host; expected redis://HOST:PORT'],
    ['redis://h/16', 'the database must be a number 0-15, not "16"'],
    ['redis://h/a', 'the database must be a number 0-15, not "a"'],
    ['redis://h?db=1', 'no query or fragment is read; remove "?db=1"'],
  ])('%s is a usage error: %s', (url, message) => {
    expect(() => redisConnection(url, '--queue')).toThrow(expect.objectContaining({ code: 'USAGE', message: `--queue ${url}: ${message}` }));
  });
});

describe('a Redis URL in logs, messages and --json: its password hidden', () => {
  it.each([
    ['redis://u:s3cret@h:1/2', 'redis://u:***@h:1/2'],
    ['redis://:s3cret@h', 'redis://:***@h'],
    ['redis://h:6379', 'redis://h:6379'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, shown) => expect(redactedUrl(url)).toBe(shown));
});

describe('jobs', () => {
  const good = (): SweepJob => ({ format: JOB_FORMAT, planSha256: H, index: 3, toolchain: jobToolchain(toolchainMessage()), extra: { strategy: H } });

  it('the id names the plan and the combination; the toolchain is the link\'s deciding fields as text', () => {
    expect(jobId(H, 12)).toBe(`${H}-12`);
    const t = jobToolchain(toolchainMessage());
    expect(Object.keys(t)).toEqual(['node', 'assemblyscript', 'instrumenter', 'backproof', 'ascFlags', 'sdk']);
    expect(t.node).toBe(process.version);
    expect(t.ascFlags).toBe((toolchainMessage().ascFlags as string[]).join(' '));
  });

  it('a good payload passes as it is', () => {
    const job = good();
    expect(checkJob(job)).toBe(job);
  });

  it.each([
    [null, '(the payload) must be an object, got null'],
    [[1], '(the payload) must be an object, got [1]'],
    [{ ...good(), format: 'backproof-sweep-job@2' }, 'format must be "backproof-sweep-job@1", got "backproof-sweep-job@2"'],
    [{ ...good(), planSha256: 'AB'.repeat(32) }, `planSha256 is not a SHA-256 (64 lowercase hex digits): "${'AB'.repeat(32)}"`],
    [{ ...good(), index: 1.5 }, 'index must be an integer ≥ 0, got 1.5'],
    [{ ...good(), index: '1' }, 'index must be an integer ≥ 0, got "1"'],
    [{ ...good(), toolchain: 'v24' }, 'toolchain must be an object'],
    [{ ...good(), toolchain: { ...good().toolchain, sdk: 7 } }, 'toolchain.sdk must be a string, got 7'],
    [{ ...good(), extra: { strategy: 'x' } }, 'extra.strategy must be a SHA-256 (64 lowercase hex digits)'],
    [{ ...good(), extra: null }, 'extra must be an object'],
    [{ ...good(), priority: 1 }, 'priority is not a field of a job'],
    // (tester F18: an unknown toolchain field was accepted)
    [{ ...good(), toolchain: { ...good().toolchain, python: '3.11' } }, 'toolchain.python is not a field of a job\'s toolchain (node, assemblyscript, instrumenter, backproof, ascFlags, sdk)'],
  ])('a malformed payload is a usage error naming the field (%#)', (data, message) => {
    expect(() => checkJob(data)).toThrow(expect.objectContaining({ name: 'UsageError', code: 'USAGE', message: `malformed job payload: ${message}` }));
  });
});

describe('a typed error as a failed job\'s reason', () => {
  it.each([
    [new UsageError('OUTPUT_EXISTS', 'x exists'), 'UsageError OUTPUT_EXISTS: x exists'],
    [new DataError('DATA_MALFORMED', 'GOOG.csv line 3: bad close'), 'DataError DATA_MALFORMED: GOOG.csv line 3: bad close'],
    [new SandboxError('GUEST_TRAP', 'unreachable\nat on_bar'), 'SandboxError GUEST_TRAP: unreachable\nat on_bar'],
    [new AuditError('TOOLCHAIN_MISMATCH', 'toolchain', 'node: recorded v1, here v2'), 'AuditError TOOLCHAIN_MISMATCH [toolchain]: node: recorded v1, here v2'],
  ])('%s round-trips with its class, code and step', (error, text) => {
    expect(failureText(error)).toBe(text);
    const back = failureError(text, 'combination 2', () => { throw new Error('not used'); });
    expect(back).toBeInstanceOf(error.constructor);
    expect([back.code, back.message, (back as AuditError).step]).toEqual([error.code, `combination 2: ${error.message}`, (error as AuditError).step]);
  });

  it('any other reason goes to the fallback', () => {
    const e = failureError('ECONNRESET', 'combination 1', (m) => new AuditError('VERIFY_FAILED', 'queue', m));
    expect([e.code, e.message]).toEqual(['VERIFY_FAILED', 'combination 1: ECONNRESET']);
  });
});

describe('the strategy bundle', () => {
  const artifact: StrategyArtifact = {
    wasm: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
    sources: [{ path: 'strategies-as/s.ts', text: 'export function init(): void {}\n', sha256: 'c'.repeat(64), normalizedSha256: 'd'.repeat(64) }],
    sourceMap: '{"version":3}',
    lock: { lockfile: 'package-lock.json', lockfileSha256: new Uint8Array(32).fill(7), installedBackproof: '0.1.0', installedIntegrity: 'sha512-x', bytes: new TextEncoder().encode('{}\n') },
  };
  const wasmSha = '93a44bbb96c751218e4c00d479e4c14358122a389acca16205b1e4d0dc5f9476';

  it('round-trips every field through the store', async () => {
    const store = new FolderStore(mkdtempSync(path.join(tmpdir(), 'backproof-bundle-')));
    const bundle = await putStrategy(store, artifact);
    expect(await getStrategy(store, bundle, wasmSha)).toEqual(artifact);
    const bare = await putStrategy(store, { wasm: artifact.wasm, sources: [] });
    expect(await getStrategy(store, bare, wasmSha)).toEqual({ wasm: artifact.wasm, sources: [], lock: { lockfile: 'absent', lockfileSha256: new Uint8Array(0), installedBackproof: '', installedIntegrity: '' } });
  });

  it('a bundle of another module, or not a bundle, is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-bundle-'));
    const store = new FolderStore(dir);
    const bundle = await putStrategy(store, artifact);
    await expect(getStrategy(store, bundle, H)).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'store', message: `strategy bundle ${bundle}: its module is ${wasmSha}, the plan's ${H}` });
    const notJson = await store.put(new TextEncoder().encode('{'));
    await expect(getStrategy(store, notJson, wasmSha)).rejects.toMatchObject({ code: 'VERIFY_FAILED', message: `strategy bundle ${notJson}: not JSON` });
    const other = await store.put(new TextEncoder().encode('{"format":"x"}'));
    await expect(getStrategy(store, other, wasmSha)).rejects.toMatchObject({ code: 'VERIFY_FAILED', message: `strategy bundle ${other}: not a backproof-strategy-bundle@1` });
    writeFileSync(path.join(dir, 'sha256', wasmSha.slice(0, 2), wasmSha.slice(2)), 'altered');
    await expect(getStrategy(store, bundle, wasmSha)).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'store', message: expect.stringContaining(`object ${wasmSha} hashes to`) });
  });
});

describe('backproof worker: bad options are usage errors before it connects', () => {
  it.each([
    [['--store', 'x'], 'worker needs --queue redis://HOST:PORT (or BACKPROOF_QUEUE in its environment) and --store DIR'],
    [['--queue', 'redis://127.0.0.1:1'], 'worker needs --queue redis://HOST:PORT (or BACKPROOF_QUEUE in its environment) and --store DIR'],
    [['--queue', 'http://127.0.0.1:1', '--store', 'x', '--unsigned'], '--queue http://127.0.0.1:1: the scheme must be redis:// or rediss://, not http://'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--key', 'k'], '--key and --unsigned: choose one'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--concurrency', '0'], '--concurrency must be a whole number from 1 to 64 (decimal digits, an exponent allowed: 1e3), got "0"'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--max-jobs', '2.5'], '--max-jobs must be a whole number from 1 to 9007199254740991 (decimal digits, an exponent allowed: 1e3), got "2.5"'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--lock-ms', '10'], '--lock-ms must be a whole number from 500 to 3600000 (decimal digits, an exponent allowed: 1e3), got "10"'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--idle-exit', '0'], '--idle-exit must be a whole number from 1 to 86400 (decimal digits, an exponent allowed: 1e3), got "0"'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--lock-ms', '0x1000'], '--lock-ms must be a whole number from 500 to 3600000 (decimal digits, an exponent allowed: 1e3), got "0x1000"'],
    [['--queue', 'redis://127.0.0.1:1', '--store', 'x', '--unsigned', '--concurrency', '1e2'], '--concurrency must be a whole number from 1 to 64 (decimal digits, an exponent allowed: 1e3), got "1e2"'],
  ])('worker %j', async (args, message) => {
    const r = await cli('worker', ...args, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', message });
  });

  it('a key that cannot be read', async () => {
    const r = await cli('worker', '--queue', 'redis://127.0.0.1:1', '--store', 'x', '--key', path.join(tmpdir(), 'no-such-backproof.key'), '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'KEY_ERROR' });
  });
});

// Redis refusing a worker's credentials (a wrong password, or none where one is required) is no outage to
// wait out: `backproof worker` stops with exit 2 naming the refusal, the password hidden, instead of
// retrying for ever (outside tester's D10: a Deployment with a wrong Secret ran "healthy", doing nothing).
// A real redis-server with --requirepass and real worker processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { authFailure } from '../../host/distributed/queue.ts';

const BIN = path.resolve('bin/backproof.js');
let redis: RedisServer;
let work: string;

/** A worker process on `url`; resolves to its exit code and output once it ends (killed after 60 s: then code null). */
function worker(url: string, ...extra: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--store', path.join(work, 'store'), '--unsigned', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BACKPROOF_QUEUE: '' } });
  let out = '', err = '';
  child.stdout.on('data', (b: Buffer) => { out += b; });
  child.stderr.on('data', (b: Buffer) => { err += b; });
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.on('exit', (code) => { clearTimeout(killer); resolve({ code, out, err }); }));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'backproof-auth-'));
  mkdirSync(path.join(work, 'store')); // (a worker's store must exist: the coordinator's volume)
  redis = await startRedis(['--requirepass', 's3cret']);
});
afterAll(async () => {
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a worker Redis refuses', () => {
  it('a wrong password: exit 2 naming the refusal (WRONGPASS), the password hidden everywhere', async () => {
    const url = `redis://:wrongpw@127.0.0.1:${redis.port}`;
    const r = await worker(url);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`backproof worker: error USAGE: --queue redis://:***@127.0.0.1:${redis.port}: Redis refused the password (WRONGPASS invalid username-password pair or user is disabled.); check the user and password in the URL\n`);
    expect(r.err + r.out).not.toContain('wrongpw');
    expect(r.err).not.toContain('worker ready');
  }, 90_000);

  it('no password where one is required: exit 2 naming NOAUTH and how to give one', async () => {
    const r = await worker(`redis://127.0.0.1:${redis.port}`, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', exit: 2, message: expect.stringMatching(new RegExp(`^--queue redis://127\\.0\\.0\\.1:${redis.port}: Redis refused the connection without a password \\(NOAUTH .*\\); give it as redis://:PASSWORD@HOST:PORT$`)) });
  }, 90_000);

  it('the right password: the worker runs (and ends by --idle-exit, exit 0)', async () => {
    const r = await worker(`redis://:s3cret@127.0.0.1:${redis.port}`, '--idle-exit', '1', '--json');
    expect([r.code, r.err]).toEqual([0, expect.any(String)]);
    expect(JSON.parse(r.out)).toMatchObject({ schema: 'backproof/worker@1', completed: 0, failed: 0 });
  }, 90_000);

  it('the sweep coordinator: a wrong password is named as Redis refusing it (exit 2), not as no Redis answering, and nothing is written', async () => {
    const out = path.join(work, 'sweep-wrong-password');
    const child = spawn(process.execPath, [BIN, 'sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5', '--grid', 'slow=50',
      '--objective', 'sharpe', '--out', out, '--unsigned', '--queue', `redis://:wrongpw@127.0.0.1:${redis.port}`, '--store', path.join(work, 'store')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => { err += b; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain(`backproof sweep: error USAGE: --queue redis://:***@127.0.0.1:${redis.port}: Redis refused the password (WRONGPASS invalid username-password pair or user is disabled.); check the user and password in the URL\n`);
    expect(err).not.toContain('no Redis answered');
    expect(err).not.toContain('wrongpw');
    expect(existsSync(out)).toBe(false);
  }, 90_000);

  it('only a credentials refusal stops: other connection errors are left to the retries', () => {
    const url = 'redis://:pw@h:1';
    expect(authFailure(url, new Error('WRONGPASS invalid username-password pair or user is disabled.'))?.code).toBe('USAGE');
    expect(authFailure(url, new Error('NOAUTH Authentication required.'))?.message).toBe('--queue redis://:***@h:1: Redis refused the password (NOAUTH Authentication required.); check the user and password in the URL');
    expect(authFailure(url, new Error('ERR invalid password'))?.code).toBe('USAGE');
    for (const m of ['connect ECONNREFUSED 127.0.0.1:1', 'Connection is closed.', 'LOADING Redis is loading the dataset in memory', 'ERR unknown command'])
      expect(authFailure(url, new Error(m)), m).toBeNull();
  });
});

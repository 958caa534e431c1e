// `backproof serve` as a user starts it (bin/backproof.js, its own process): it prints where it listens,
// takes the body `backproof sign-strategy` wrote, runs a backtest, and ends on SIGTERM; usage errors exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeys, loadStrategy } from '../../host/index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { cli } from '../helpers/cli.ts';

let dir: string;
let server: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'backproof-serve-cli-'));
  const keys = generateKeys();
  writeFileSync(path.join(dir, 'uploader.key'), keys.privateKeyPem);
  writeFileSync(path.join(dir, 'uploader.pub'), keys.publicKeyPem);
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server process; resolves with its URL once it prints "listening on". */
function startServe(...args: string[]): Promise<string> {
  server = spawn(process.execPath, [path.resolve('bin/backproof.js'), 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server!.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    server!.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe('backproof serve (its own process)', () => {
  it('serves an upload signed by sign-strategy and a run of it, and stops on SIGTERM', async () => {
    const wasm = (await loadStrategy('strategies-as/sma-cross.ts')).wasm;
    const wasmFile = path.join(dir, 'sma.wasm');
    writeFileSync(wasmFile, wasm);
    const body = path.join(dir, 'sma.upload.json');
    const signed = await cli('sign-strategy', wasmFile, '--name', 'sma', '--version', '1.0.0', '--key', path.join(dir, 'uploader.key'), '--out', body);
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out).toContain(`sha256 ${toHex(sha256(wasm))}`);
    expect((await cli('sign-strategy', wasmFile, '--name', 'sma', '--version', '1.0.0', '--key', path.join(dir, 'uploader.key'), '--out', body)).code).toBe(2); // exists

    const url = await startServe('--trusted-keys', path.join(dir, 'uploader.pub'), '--port', '0', '--registry', path.join(dir, 'registry'), '--data-dir', 'data', '--unsigned');
    const up = await fetch(`${url}/strategies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(body) });
    expect(up.status).toBe(201);
    expect(((await up.json()) as { module: string }).module).toBe(toHex(sha256(wasm)));
    const run = await fetch(`${url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ strategy: 'sma', data: ['GOOG.csv'] }) });
    const r = (await run.json()) as { module: string; signed: boolean; runDir: string };
    expect([run.status, r.module, r.signed]).toEqual([200, toHex(sha256(wasm)), false]);
    const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    expect(await exited).toBe(143);
    await expect(fetch(`${url}/strategies`)).rejects.toThrow();
  });

  it('exits 2 without a trusted key, with an unreadable one, or on a port in use', async () => {
    expect((await cli('serve', '--port', '0', '--registry', path.join(dir, 'r2'))).code).toBe(2);
    const unreadable = await cli('serve', '--trusted-keys', path.join(dir, 'nothing.pub'), '--port', '0', '--registry', path.join(dir, 'r2'), '--json');
    expect([unreadable.code, JSON.parse(unreadable.out).code]).toEqual([2, 'KEY_ERROR']);
    const net = await import('node:net');
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as { port: number }).port);
      const taken = await cli('serve', '--trusted-keys', path.join(dir, 'uploader.pub'), '--port', port, '--registry', path.join(dir, 'r2'), '--json');
      expect([taken.code, JSON.parse(taken.out).code]).toEqual([2, 'USAGE']);
    } finally {
      busy.close();
    }
    const isolation = await cli('serve', '--trusted-keys', path.join(dir, 'uploader.pub'), '--port', '0', '--registry', path.join(dir, 'r2'), '--isolation', 'chroot', '--json');
    expect([isolation.code, JSON.parse(isolation.out).code, JSON.parse(isolation.out).message]).toEqual([2, 'USAGE', expect.stringContaining('--isolation')]);
    expect((await cli('sign-strategy', 'README.md', '--name', 'x', '--version', '1', '--key', path.join(dir, 'uploader.key'))).code).toBe(2);
    expect((await cli('sign-strategy', path.join(dir, 'sma.wasm'), '--name', '../x', '--version', '1', '--key', path.join(dir, 'uploader.key'), '--out', path.join(dir, 'x.json'))).code).toBe(2);
  });
});

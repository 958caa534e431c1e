// backproof serve over real HTTP on 127.0.0.1, what an upload meets before it is registered (outside tester's
// D8 and D11): a module stamped by another toolchain — which every run refuses — is refused at upload (422,
// the stamp's differences named) and nothing is registered; a body over the route's limit sent with
// `Expect: 100-continue` (curl's way for a body over 1 MiB) is answered 413 with the error document instead
// of "100 Continue" and a dropped connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeys, loadStrategy, rawPublicKey, toolchainMessage } from '../../host/index.ts';
import { signUpload, startServer, type RunningServer } from '../../host/serve/index.ts';
import { sourcesDigest, stampProvenance } from '../../host/component/stamp.ts';

let dir: string;
let server: RunningServer;
let trusted: KeyObject;
let sma: Uint8Array;

async function call(method: string, route: string, body?: unknown): Promise<{ status: number; json: any }> {
  const r = await fetch(server.url + route, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  return { status: r.status, json: await r.json() };
}
const uploadWasm = (wasm: Uint8Array, name: string, version: string) =>
  call('POST', '/strategies', { wasm: Buffer.from(wasm).toString('base64'), signature: signUpload(wasm, { name, version, kind: 'wasm' }, trusted) });

/** sma stamped as `backproof build` stamps, by this toolchain with `sdk` as the guest SDK's digest. */
async function stamped(sdk?: string): Promise<Uint8Array> {
  const t = toolchainMessage();
  return stampProvenance(sma, { assemblyscript: String(t.assemblyscript), backproof: String(t.backproof), ascFlags: t.ascFlags as string[], sources: sourcesDigest([]), sdk: sdk ?? String(t.sdk) });
}

/**
 * A POST with `Expect: 100-continue` declaring `length` bytes, as curl sends one: the body only after "100
 * Continue". Resolves to whether 100 came, the final status and its body.
 */
function expectContinue(route: string, length: number): Promise<{ continued: boolean; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = request(server.url + route, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': length, expect: '100-continue' } });
    req.on('continue', () => { continued = true; req.end(Buffer.alloc(length, 0x20)); }); // (spaces: a body that is not JSON)
    req.on('response', (res) => {
      let body = '';
      res.on('data', (b: Buffer) => { body += b; });
      res.on('end', () => resolve({ continued, status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'backproof-serve-limits-'));
  trusted = createPrivateKey(generateKeys().privateKeyPem);
  sma = (await loadStrategy('strategies-as/sma-cross.ts')).wasm;
  server = await startServer({ registry: path.join(dir, 'registry'), dataDir: 'data', key: null, trustedKeys: [rawPublicKey(trusted)], port: 0, maxModuleBytes: 64 << 10, maxSourceBytes: 64 << 10 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an upload refused before it is registered', () => {
  it('a module stamped by another toolchain: 422 TOOLCHAIN_MISMATCH naming the difference, nothing registered; stamped by this one: 201', async () => {
    const other = await stamped(`sha256:${'0'.repeat(64)}`);
    const r = await uploadWasm(other, 'sdkstamp', '1');
    expect([r.status, r.json.error.code]).toEqual([422, 'TOOLCHAIN_MISMATCH']);
    expect(r.json.error.message).toBe(`the uploaded module was built by another toolchain (its provenance stamp says guest SDK sha256:${'0'.repeat(64)}, the toolchain link's ${String(toolchainMessage().sdk)}, of this installation): its run's record would contradict the module and fail verify; rebuild it here with backproof build`);
    expect((await call('GET', '/strategies/sdkstamp')).status).toBe(404);
    expect((await call('GET', '/strategies')).json.strategies).toEqual([]);
    const own = await uploadWasm(await stamped(), 'sdkstamp', '1');
    expect([own.status, own.json.strategy.current.version]).toEqual([201, '1']);
  });

  it('a body over the limit with Expect: 100-continue: 413 TOO_LARGE and the error document, no 100; within the limit: 100, then the route answers', async () => {
    const big = await expectContinue('/strategies', 30 << 20);
    expect(big.continued).toBe(false);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toEqual({ error: { code: 'TOO_LARGE', message: `the request body is ${30 << 20} bytes, over the route's limit of ${Math.max(Math.ceil((64 << 10) / 3) * 4, (64 << 10) * 2) + (64 << 10)}` } });
    const run = await expectContinue('/runs', (64 << 10) + 1); // the small routes' limit, 64 KiB
    expect([run.continued, run.status, JSON.parse(run.body).error.code]).toEqual([false, 413, 'TOO_LARGE']);
    const small = await expectContinue('/strategies', 1000);
    expect([small.continued, small.status, JSON.parse(small.body).error.code]).toEqual([true, 400, 'BAD_REQUEST']);
    expect((await call('GET', '/strategies')).status).toBe(200); // the server goes on
  });
});

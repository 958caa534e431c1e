// backproof serve over real HTTP on 127.0.0.1: signed uploads (module and source, built by the real asc),
// every refusal with its code, runs pinned to a module hash and equal to `backproof backtest`'s, replace and
// retire without restart, concurrent uploads and runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeys, loadStrategy, rawPublicKey, recordedResultSha256, verify, backtest } from '../../host/index.ts';
import { registryServer, signUpload, startServer, type RunningServer } from '../../host/serve/index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { cli } from '../helpers/cli.ts';

const key = (): KeyObject => createPrivateKey(generateKeys().privateKeyPem);
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const hex = (bytes: Uint8Array): string => toHex(sha256(bytes));

/** The example's source as a strategy project spells it: the SDK by package name. */
const packaged = (file: string): string =>
  readFileSync(file, 'utf8').replace('"../guest-sdk/index"', '"backproof/guest-sdk"').replace('"../guest-sdk/abi"', '"backproof/guest-sdk/abi"');

/** A module importing env.Date.now (a wall clock): valid wasm, refused by the sandbox's ABI check. */
const CLOCK_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7c,
  0x02, 0x10, 0x01, 0x03, ...Buffer.from('env'), 0x08, ...Buffer.from('Date.now'), 0x00, 0x00,
]);

let dir: string;
let server: RunningServer;
let trusted: KeyObject;
let stranger: KeyObject;
let sma: Uint8Array;
let ema: Uint8Array;
/** `backproof backtest --json` of sma on data/GOOG.csv (the run test makes it). */
let cliRun: { runId: string; resultSha256: string };

async function call(method: string, route: string, body?: unknown): Promise<{ status: number; json: any }> {
  const r = await fetch(server.url + route, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: r.status, json: await r.json() };
}

const uploadWasm = (wasm: Uint8Array, name: string, version: string, by: KeyObject = trusted) =>
  call('POST', '/strategies', { wasm: b64(wasm), signature: signUpload(wasm, { name, version, kind: 'wasm' }, by) });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'backproof-serve-'));
  trusted = key();
  stranger = key();
  [sma, ema] = await Promise.all([loadStrategy('strategies-as/sma-cross.ts'), loadStrategy('strategies-as/ema-cross.ts')]).then((a) => a.map((s) => s.wasm));
  server = await startServer({
    registry: path.join(dir, 'registry'), dataDir: 'data', key: trusted, trustedKeys: [rawPublicKey(trusted)], port: 0,
    maxModuleBytes: 64 << 10, maxSourceBytes: 64 << 10,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backproof serve', () => {
  it('registers a signed module under its SHA-256, lists it, answers a second upload of it as it is, and serves its bytes and signature', async () => {
    const up = await uploadWasm(sma, 'sma', '1.0.0');
    expect(up.status).toBe(201);
    expect(up.json.module).toBe(hex(sma));
    expect(up.json.strategy).toEqual({
      name: 'sma', current: { version: '1.0.0', module: hex(sma) },
      versions: [{ version: '1.0.0', module: hex(sma), kind: 'wasm', signer: server.trusted[0], retired: false }],
    });
    const again = await uploadWasm(sma, 'sma', '1.0.0');
    expect([again.status, again.json.created]).toEqual([200, false]);
    const list = await call('GET', '/strategies');
    expect(list.json.strategies.find((s: { name: string }) => s.name === 'sma').versions).toHaveLength(1);
    const mod = await call('GET', `/modules/${hex(sma)}`);
    expect(mod.status).toBe(200);
    expect(Buffer.from(mod.json.wasm, 'base64').equals(Buffer.from(sma))).toBe(true);
    expect([mod.json.size, mod.json.source, mod.json.versions.map((v: { name: string; version: string }) => `${v.name}@${v.version}`)]).toEqual([sma.length, null, ['sma@1.0.0']]);
    expect(mod.json.versions[0].signature.signatures[0].keyid).toBe(server.trusted[0]);
    // Persisted content-addressed, the index written whole.
    expect(hex(readFileSync(path.join(dir, 'registry', 'modules', `${hex(sma)}.wasm`)))).toBe(hex(sma));
    expect(JSON.parse(readFileSync(path.join(dir, 'registry', 'index.json'), 'utf8')).strategies.sma.current).toBe('1.0.0');
  });

  it('refuses an unsigned, tampered, untrusted, conflicting, non-conforming or oversized upload with its code, registering nothing', async () => {
    const signature = signUpload(sma, { name: 'bad', version: '1', kind: 'wasm' }, trusted);
    const refused = async (body: unknown): Promise<[number, string]> => {
      const r = await call('POST', '/strategies', body);
      return [r.status, r.json.error.code];
    };
    expect(await refused({ wasm: b64(sma) })).toEqual([401, 'SIGNATURE_MISSING']);
    expect(await refused({ wasm: b64(sma), signature: { ...signature, signatures: [] } })).toEqual([401, 'SIGNATURE_MISSING']);
    const altered = sma.slice();
    altered[altered.length - 1]! ^= 1;
    expect(await refused({ wasm: b64(altered), signature })).toEqual([403, 'DIGEST_MISMATCH']);
    // The payload swapped for another statement under the trusted key's keyid: its signature no longer verifies.
    const other = signUpload(ema, { name: 'bad', version: '1', kind: 'wasm' }, trusted);
    expect(await refused({ wasm: b64(ema), signature: { ...signature, payload: other.payload } })).toEqual([403, 'SIGNATURE_INVALID']);
    expect(await refused({ wasm: b64(sma), signature: signUpload(sma, { name: 'bad', version: '1', kind: 'wasm' }, stranger) })).toEqual([403, 'KEY_UNTRUSTED']);
    // Signed as source, sent as a module.
    expect(await refused({ wasm: b64(sma), signature: signUpload(sma, { name: 'bad', version: '1', kind: 'source' }, trusted) })).toEqual([400, 'BAD_REQUEST']);
    expect((await uploadWasm(ema, 'sma', '1.0.0')).json.error.code).toBe('CONFLICT');
    expect((await uploadWasm(ema, 'sma', '1.0.0')).status).toBe(409);
    const clock = await uploadWasm(CLOCK_MODULE, 'clock', '1');
    expect([clock.status, clock.json.error.code]).toEqual([422, 'IMPORT_NOT_ALLOWED']);
    expect(clock.json.error.message).toContain('"env"."Date.now"');
    const garbage = new Uint8Array(Buffer.from('not a module'));
    expect((await uploadWasm(garbage, 'garbage', '1')).json.error.code).toBe('WASM_MALFORMED');
    const large = new Uint8Array((64 << 10) + 1);
    expect(await refused({ wasm: b64(large), signature: signUpload(large, { name: 'large', version: '1', kind: 'wasm' }, trusted) })).toEqual([413, 'TOO_LARGE']);
    expect(await refused({ source: 'x'.repeat(400_000) })).toEqual([413, 'TOO_LARGE']); // over the route's body limit
    expect(await refused({ wasm: b64(sma), signature, extra: 1 })).toEqual([400, 'BAD_REQUEST']);
    expect(await refused('{"wasm": ')).toEqual([400, 'BAD_REQUEST']);
    const names = (await call('GET', '/strategies')).json.strategies.map((s: { name: string }) => s.name);
    expect(names.filter((n: string) => ['bad', 'clock', 'garbage', 'large'].includes(n))).toEqual([]);
  });

  it('builds a signed source with asc to the module a strategy project builds, and refuses one that fails the build', async () => {
    const source = packaged('strategies-as/ema-cross.ts');
    const project = path.join(dir, 'project');
    mkdirSync(project);
    // The server builds the source as strategy.ts (the entry's name is in the module's debug names).
    writeFileSync(path.join(project, 'strategy.ts'), source);
    const built = (await loadStrategy(path.join(project, 'strategy.ts'))).wasm;
    const sign = (text: string, name: string) => signUpload(new Uint8Array(Buffer.from(text)), { name, version: '1', kind: 'source' }, trusted);
    const up = await call('POST', '/strategies', { source, signature: sign(source, 'ema-src') });
    expect(up.status).toBe(201);
    expect([up.json.module, up.json.strategy.versions[0].kind]).toEqual([hex(built), 'source']);
    expect((await call('GET', `/modules/${hex(built)}`)).json.source).toBe(source);
    const broken = source.replace('onBar(bar: Bar): void {', 'onBar(bar: Bar): void { let x: i32 = "text";');
    const r = await call('POST', '/strategies', { source: broken, signature: sign(broken, 'broken') });
    expect([r.status, r.json.error.code]).toEqual([422, 'BUILD_FAILED']);
    const clock = source.replace('onBar(bar: Bar): void {', 'onBar(bar: Bar): void { if (Date.now() < 0) return;');
    const c = await call('POST', '/strategies', { source: clock, signature: sign(clock, 'clock-src') });
    expect([c.status, c.json.error.code]).toEqual([422, 'BUILD_FAILED']);
    expect(c.json.error.message).toContain('wall clock');
  });

  it('runs a registered hash to the result `backproof backtest` gives the same module and data, in a run folder verify accepts', async () => {
    const wasmFile = path.join(dir, 'sma.wasm');
    writeFileSync(wasmFile, sma);
    const ref = await cli('backtest', '--strategy', wasmFile, '--data', 'data/GOOG.csv', '--unsigned', '--json', '--no-report', '--out', path.join(dir, 'cli-run'));
    expect(ref.code).toBe(0);
    const expected = JSON.parse(ref.out);
    cliRun = expected;
    const r = await call('POST', '/runs', { module: hex(sma), data: ['GOOG.csv'] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ runId: expected.runId, module: hex(sma), strategy: null, resultSha256: expected.resultSha256, signed: true, instructions: String(expected.instructions), isolation: 'v8' });
    expect(r.json.stats.returnPct).toBe(expected.stats.returnPct);
    const runDir = path.join(dir, 'registry', r.json.runDir);
    expect(hex(readFileSync(path.join(runDir, 'record.pb')))).toBe(r.json.recordSha256);
    await expect(verify(runDir, { pubkey: rawPublicKey(trusted) })).resolves.toBeTruthy();
    const record = await call('GET', `/runs/${r.json.runId}`);
    expect(record.json.runId).toBe(expected.runId);
    expect((await call('GET', '/runs/0123456789abcdef')).json.error.code).toBe('NOT_FOUND');
  });

  it('replaces and retires versions without restart; a run is pinned to the hash it resolved to', async () => {
    expect((await uploadWasm(sma, 'trend', '1')).status).toBe(201);
    expect((await uploadWasm(ema, 'trend', '2')).json.strategy.current).toEqual({ version: '2', module: hex(ema) });
    const byName = await call('POST', '/runs', { strategy: 'trend', data: ['GOOG.csv'] });
    expect([byName.json.module, byName.json.strategy]).toEqual([hex(ema), { name: 'trend', version: '2' }]);
    // The old version by hash still runs, and names its own hash.
    const old = await call('POST', '/runs', { module: hex(sma), data: ['GOOG.csv'] });
    expect(old.json.module).toBe(hex(sma));
    expect(old.json.resultSha256).not.toBe(byName.json.resultSha256);
    const back = await call('PUT', '/strategies/trend/current', { version: '1' });
    expect(back.json.current).toEqual({ version: '1', module: hex(sma) });
    const again = await call('POST', '/runs', { strategy: 'trend', data: ['GOOG.csv'] });
    expect([again.json.module, again.json.resultSha256, again.json.runId]).toEqual([hex(sma), old.json.resultSha256, old.json.runId]);
    const pinned = await call('POST', '/runs', { strategy: 'trend', version: '2', data: ['GOOG.csv'] });
    expect(pinned.json.resultSha256).toBe(byName.json.resultSha256);
    // Retiring 2 (ema is registered by no other version) stops its runs by hash too; the module stays fetchable.
    expect((await call('DELETE', '/strategies/trend/versions/2')).json.versions.map((v: { retired: boolean }) => v.retired)).toEqual([false, true]);
    const gone = await call('POST', '/runs', { module: hex(ema), data: ['GOOG.csv'] });
    expect([gone.status, gone.json.error.code]).toEqual([410, 'RETIRED']);
    expect((await call('GET', `/modules/${hex(ema)}`)).status).toBe(200);
    expect((await call('PUT', '/strategies/trend/current', { version: '2' })).json.error.code).toBe('RETIRED');
    // Retiring the current version hands over to the latest left: none here.
    expect((await call('DELETE', '/strategies/trend/versions/1')).json.current).toBe(null);
    expect((await call('POST', '/runs', { strategy: 'trend', data: ['GOOG.csv'] })).json.error.code).toBe('RETIRED');
    // sma's module is still registered as sma@1.0.0: by hash it runs.
    expect((await call('POST', '/runs', { module: hex(sma), data: ['GOOG.csv'] })).status).toBe(200);
    expect((await call('DELETE', '/strategies/trend/versions/9')).json.error.code).toBe('NOT_FOUND');
    expect((await call('PUT', '/strategies/nobody/current', { version: '1' })).json.error.code).toBe('NOT_FOUND');
  });

  it("answers a run whose guest faults with the sandbox's code, naming where", async () => {
    const source = packaged('strategies-as/ema-cross.ts').replace('onBar(bar: Bar): void {', 'onBar(bar: Bar): void { if (bar.close > 0) unreachable();');
    const signature = signUpload(new Uint8Array(Buffer.from(source)), { name: 'trap', version: '1', kind: 'source' }, trusted);
    expect((await call('POST', '/strategies', { source, signature })).status).toBe(201);
    const r = await call('POST', '/runs', { strategy: 'trap', data: ['GOOG.csv'] });
    expect([r.status, r.json.error.code]).toEqual([422, 'GUEST_TRAP']);
    expect(r.json.error.message).toMatch(/unreachable/);
    // the source map asc made is kept beside the module, bound to it: the fault names the source line
    expect(r.json.error.message).toMatch(/strategy\.ts:\d+:\d+/);
  });

  it('refuses a run when as many wait as the server queues (429), and runs the rest', async () => {
    const app = await registryServer({ registry: path.join(dir, 'busy'), dataDir: 'data', key: null, trustedKeys: [rawPublicKey(trusted)], maxRuns: 1, maxQueuedRuns: 0 });
    try {
      await app.inject({ method: 'POST', url: '/strategies', payload: { wasm: b64(sma), signature: signUpload(sma, { name: 'sma', version: '1', kind: 'wasm' }, trusted) } });
      const runs = await Promise.all([1, 2].map(() => app.inject({ method: 'POST', url: '/runs', payload: { strategy: 'sma', data: ['GOOG.csv'] } })));
      expect(runs.map((r) => r.statusCode)).toEqual([200, 429]);
      expect(runs[1]!.json().error.code).toBe('TOO_MANY_RUNS');
    } finally {
      await app.close();
    }
  });

  it('runs under --isolation process to the result of the in-process runtime (the isolation is not recorded)', async () => {
    const app = await registryServer({ registry: path.join(dir, 'process'), dataDir: 'data', key: null, trustedKeys: [rawPublicKey(trusted)], isolation: 'process' });
    try {
      await app.inject({ method: 'POST', url: '/strategies', payload: { wasm: b64(sma), signature: signUpload(sma, { name: 'sma', version: '1', kind: 'wasm' }, trusted) } });
      const r = await app.inject({ method: 'POST', url: '/runs', payload: { strategy: 'sma', data: ['GOOG.csv'] } });
      const v8 = await call('POST', '/runs', { module: hex(sma), data: ['GOOG.csv'] });
      expect([r.statusCode, r.json().isolation, v8.json.isolation]).toEqual([200, 'process', 'v8']);
      expect([r.json().runId, r.json().resultSha256, r.json().instructions]).toEqual([v8.json.runId, v8.json.resultSha256, v8.json.instructions]);
    } finally {
      await app.close();
    }
  });

  it('refuses a run on a data file over the data limit before reading it', async () => {
    const app = await registryServer({ registry: path.join(dir, 'small'), dataDir: 'data', key: null, trustedKeys: [rawPublicKey(trusted)], maxDataBytes: 50_000 });
    try {
      const up = await app.inject({ method: 'POST', url: '/strategies', payload: { wasm: b64(sma), signature: signUpload(sma, { name: 'sma', version: '1', kind: 'wasm' }, trusted) } });
      expect(up.statusCode).toBe(201);
      const r = await app.inject({ method: 'POST', url: '/runs', payload: { strategy: 'sma', data: ['GOOG.csv'] } });
      expect([r.statusCode, r.json().error.code]).toEqual([413, 'TOO_LARGE']);
      expect(r.json().error.message).toContain('97833 bytes; the limit is 50000');
    } finally {
      await app.close();
    }
  });

  it('refuses a run on data outside the data folder, missing, or with an unknown field', async () => {
    const code = async (body: unknown) => {
      const r = await call('POST', '/runs', body);
      return [r.status, r.json.error.code];
    };
    expect(await code({ module: hex(sma), data: ['../package.json'] })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ module: hex(sma), data: ['/etc/passwd'] })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ module: hex(sma), data: ['nothing.csv'] })).toEqual([404, 'NOT_FOUND']);
    expect(await code({ module: hex(sma), data: ['GOOG.csv@5'] })).toEqual([400, 'USAGE']); // a period needs a unit, as --data's
    expect(await code({ module: hex(sma), data: ['GOOG.csv'], param: { fast: 3 } })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ module: hex(sma), strategy: 'sma', data: ['GOOG.csv'] })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ module: 'a'.repeat(64), data: ['GOOG.csv'] })).toEqual([404, 'NOT_FOUND']);
    expect(await code({ module: hex(sma), data: ['GOOG.csv'], params: { nosuch: 1 } })).toEqual([400, 'UNKNOWN_PARAM']);
  });

  it('keeps every one of concurrent uploads, and concurrent runs give the results of runs made one at a time', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `many-${String(i).padStart(2, '0')}`);
    const ups = await Promise.all(names.map((n, i) => uploadWasm(i % 2 ? ema : sma, n, '1')));
    expect(ups.map((u) => u.status)).toEqual(names.map(() => 201));
    const listed = (await call('GET', '/strategies')).json.strategies.map((s: { name: string }) => s.name);
    expect(listed.filter((n: string) => n.startsWith('many-'))).toEqual(names);
    const requests = [
      { strategy: 'many-00', data: ['GOOG.csv'], params: { fast: 5 } },
      { strategy: 'many-01', data: ['GOOG.csv'] },
      { strategy: 'many-02', data: ['GOOG.csv'], params: { fast: 5 } },
      { module: hex(sma), data: ['GOOG.csv'], params: { fast: 7, slow: 30 } },
      { module: hex(sma), data: ['GOOG=GOOG.csv@1d'] }, // a symbol and a declared period, as --data takes them
      { module: hex(sma), data: ['GOOG.csv'] },
    ];
    const runs = await Promise.all(requests.map((r) => call('POST', '/runs', r)));
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect([runs[5]!.json.runId, runs[5]!.json.resultSha256]).toEqual([cliRun.runId, cliRun.resultSha256]); // = backproof backtest's
    const alone = await Promise.all([
      backtest({ strategy: path.join(dir, 'registry', 'modules', `${hex(sma)}.wasm`), data: 'data/GOOG.csv', params: { fast: 5 }, out: false, key: null }),
      backtest({ strategy: path.join(dir, 'registry', 'modules', `${hex(ema)}.wasm`), data: 'data/GOOG.csv', out: false, key: null }),
    ]);
    expect([runs[0]!.json.runId, runs[0]!.json.resultSha256]).toEqual([alone[0]!.runId, recordedResultSha256(alone[0]!.outcome)]);
    expect([runs[1]!.json.runId, runs[1]!.json.resultSha256]).toEqual([alone[1]!.runId, recordedResultSha256(alone[1]!.outcome)]);
    expect(runs[2]!.json.resultSha256).toBe(runs[0]!.json.resultSha256);
    expect(runs[0]!.json.stats.returnPct).toBe(alone[0]!.stats.returnPct);
    expect(runs[1]!.json.stats.returnPct).toBe(alone[1]!.stats.returnPct);
    expect(runs[3]!.json.resultSha256).not.toBe(runs[0]!.json.resultSha256);
  });
});

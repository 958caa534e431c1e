// --json on every command: stdout holds exactly one JSON document, named by its "schema" field and valid
// under docs/schema/<name>.json (ajv, strict, draft 2020-12), with the same values as the text output and
// the run folder; failures are one backproof/error@1 document with the documented exit code. record.json
// of a signed and an unsigned run is valid under docs/schema/record@3.json, whose link bodies name exactly
// the proto's fields. Wrong documents fail, so the schemas are not vacuous.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cli } from '../helpers/cli.ts';
import { COMMANDS } from '../../host/cli/main.ts';
import { LINK_KINDS, LINK_TYPES } from '../../host/audit/record.ts';
import { Queue } from 'bullmq';
import { queueName } from '../../host/distributed/queue.ts';
import { FolderStore } from '../../host/distributed/store.ts';
import { startRedis } from '../helpers/redis-server.ts';

const SCHEMA_DIR = 'docs/schema';
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
for (const f of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.json'))) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, f), 'utf8')));

/** The schema names validated so far: the last test requires every command's. */
const validated = new Set<string>();

function errorsOf(id: string, value: unknown): string[] {
  const validate = ajv.getSchema(`urn:backproof:schema:${id}`);
  if (!validate) throw new Error(`no schema ${id} in ${SCHEMA_DIR}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** One document on stdout, valid under the schema it names; returns it. */
function document(out: string, schema: string): Record<string, unknown> {
  const doc = JSON.parse(out) as Record<string, unknown>;
  expect(doc.schema).toBe(`backproof/${schema}`);
  expect(Object.keys(doc)[0]).toBe('schema');
  expect(errorsOf(schema, doc)).toEqual([]);
  validated.add(schema);
  return doc;
}

/** Runs the CLI with --json; requires the exit code and a valid document of that schema. */
async function json(exit: number, schema: string, ...argv: string[]): Promise<Record<string, unknown>> {
  const r = await cli(...argv, '--json');
  if (r.code !== exit) throw new Error(`${argv.join(' ')}: exit ${r.code}, expected ${exit}\n${r.err}\n${r.out}`);
  return document(r.out, schema);
}

let work: string;
let run: string;
let other: string;
let keys: string;
let ledger: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-json-'));
  run = path.join(work, 'run');
  other = path.join(work, 'other');
  keys = path.join(work, 'keys');
  ledger = path.join(work, 'ledger');
  await json(0, 'keygen@1', 'keygen', '--out', keys);
  await json(0, 'log-init@1', 'log', 'init', ledger, '--key', path.join(keys, 'backproof.key'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('--json documents of a real run', () => {
  it('backtest: the stats and hashes of the run folder, exactly', async () => {
    const doc = await json(0, 'backtest@1', 'backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--commission', '0.002',
      '--snapshot-every', '100', '--key', path.join(keys, 'backproof.key'), '--log', ledger, '--out', run);
    expect(doc.stats).toEqual(JSON.parse(await readFile(path.join(run, 'stats.json'), 'utf8')));
    const record = JSON.parse(await readFile(path.join(run, 'record.json'), 'utf8'));
    const trace = record.links[4].body;
    expect(doc.runId).toBe(record.runId);
    expect(doc.instructions).toBe(trace.instructions);
    expect(doc.fuelUsed).toBe(trace.fuelUsed);
    expect(doc.trace).toEqual({ root: trace.root, leaves: Number(trace.leaves), bytes: Number(trace.bytes) });
    expect(doc.resultSha256).toBe(record.links[5].body.sha256);
    expect(doc.signed).toBe(true);
    expect((doc.logged as { index: number }).index).toBe(0);
    expect((doc.stats as { trades: number }).trades).toBe(93);
    await json(0, 'backtest@1', 'backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--param', 'fast=11', '--unsigned', '--out', other);
  });

  it('the same values as the text output', async () => {
    const text = await cli('verify', run);
    const doc = await json(0, 'verify@1', 'verify', run);
    expect(text.out).toContain(`trace root ${doc.traceRoot}`);
    expect(text.out).toContain(`OK run ${doc.runId}: ${(doc.steps as string[]).join(' → ')}`);
    const replayText = await cli('replay', run);
    const replay = await json(0, 'replay@1', 'replay', run);
    expect(replay.match).toBe(true);
    expect(replayText.out).toBe(`MATCH trace root ${(replay.replayed as { traceRoot: string }).traceRoot}, result ${(replay.replayed as { result: string }).result}`);
  });

  it('verify with the key pinned and the log checked; verify-proof, attest, verify-attestation, prove, trace, snapshot', async () => {
    const pub = path.join(keys, 'backproof.pub');
    const vkey = (await json(0, 'log-vkey@1', 'log', 'vkey', ledger)).vkey as string;
    const v = await json(0, 'verify@1', 'verify', run, '--pubkey', pub, '--vkey', vkey);
    expect([v.keyPinned, (v.logged as { signedBy: string }).signedBy]).toEqual([true, 'vkey']);
    const proof = path.join(work, 'order3.json');
    const p = await json(0, 'prove@2', 'prove', run, '--order', '3', '--out', proof);
    expect((p.context as { order: number }).order).toBe(3);
    const vp = await json(0, 'verify-proof@1', 'verify-proof', proof, '--pubkey', pub);
    expect(vp.instruction).toBe((p.claim as { instruction: number }).instruction);
    expect([vp.proven, (vp.unproven as { field: string }[]).map((u) => u.field)]).toEqual([p.claim, ['context.order', 'context.event', 'context.barTime', 'context.symbol']]);
    const env = path.join(work, 'att.json');
    await json(0, 'attest@1', 'attest', run, '--key', path.join(keys, 'backproof.key'), '--out', env);
    expect((await json(0, 'verify-attestation@1', 'verify-attestation', env, '--pubkey', pub)).subjectSha256).toBe(v.resultSha256);
    const t = await json(0, 'trace@1', 'trace', run, '--from', '1000', '--count', '3');
    expect((t.records as { index: number }[]).map((r) => r.index)).toEqual([1000, 1001, 1002]);
    expect((t.records as { source: string }[])[0]!.source).toMatch(/\.ts:\d+:\d+$/); // built from source: positions known
    expect(t.sourceNote).toBeNull();
    expect((await json(0, 'snapshot@1', 'snapshot', run, '--bar', '99')).bar).toBe(99);
  });

  it('diff and a replay that does not match: exit 5 with the divergence in the document', async () => {
    const d = await json(5, 'diff@1', 'diff', run, other);
    expect(d.same).toBe(false);
    expect((d.divergence as { instruction: number }).instruction).toBeGreaterThan(0);
    expect((await json(0, 'diff@1', 'diff', run, run)).same).toBe(true);
    const csv = (await readFile('data/GOOG.csv', 'utf8')).split('\n');
    const row = csv[200]!.split(',');
    row[4] = row[1]!; // Close := Open: still a valid bar, another price
    csv[200] = row.join(',');
    const changed = path.join(work, 'changed.csv');
    await writeFile(changed, csv.join('\n'));
    const r = await json(5, 'replay@1', 'replay', run, '--data', changed);
    expect(r.match).toBe(false);
    expect(r.mismatches).toContain('result');
    expect(r.divergence).not.toBeNull();
    const t = await json(5, 'trace@1', 'trace', run, '--data', changed, '--count', '1');
    expect([t.rootMatches, t.records]).toEqual([false, []]);
    expect(t.recordedRoot).toBe((r.recorded as { traceRoot: string }).traceRoot);
  });

  it('the log commands', async () => {
    const key = path.join(keys, 'backproof.key');
    const a = await json(0, 'log-append@1', 'log', 'append', ledger, other, '--key', key);
    expect([a.index, a.size]).toEqual([1, 2]);
    const c = await json(0, 'log-checkpoint@1', 'log', 'checkpoint', ledger);
    expect([c.size, c.root]).toEqual([2, a.root]);
    const proofFile = path.join(work, 'incl.json');
    const p = await json(0, 'log-prove@1', 'log', 'prove', ledger, run, '--out', proofFile);
    expect(p.file).toBe(proofFile);
    expect((await json(0, 'log-prove@1', 'log', 'prove', ledger, '--index', '1')).file).toBeNull();
    const old = path.join(work, 'old.checkpoint');
    await writeFile(old, JSON.parse(await readFile(path.join(run, 'log-inclusion.json'), 'utf8')).checkpoint); // the tree of size 1, as the run was logged
    const cons = path.join(work, 'cons.json');
    await json(0, 'log-consistency@1', 'log', 'consistency', ledger, '--from', '1', '--out', cons);
    const vkey = (await json(0, 'log-vkey@1', 'log', 'vkey', ledger)).vkey as string;
    expect((await json(0, 'log-verify@1', 'log', 'verify', ledger)).kind).toBe('log');
    expect((await json(0, 'log-verify@1', 'log', 'verify', '--proof', proofFile, '--vkey', vkey)).kind).toBe('inclusion');
    const k = await json(0, 'log-verify@1', 'log', 'verify', '--proof', cons, '--vkey', vkey, '--old-checkpoint', old);
    expect([k.kind, (k.from as { size: number }).size, (k.to as { size: number }).size]).toEqual(['consistency', 1, 2]);
  });

  it('build, --version and --help', async () => {
    const b = await json(0, 'build@1', 'build', 'strategies-as/sma-cross.ts', '--out', path.join(work, 'sma.wasm'), '--component');
    expect(b.componentFile).toBe(path.join(work, 'sma.component.wasm'));
    expect((b.build as { wasm: { size: number } }).wasm.size).toBe((await readFile(path.join(work, 'sma.wasm'))).length);
    const i = await json(0, 'inspect@1', 'inspect', path.join(work, 'sma.wasm'));
    expect([i.size, (i.provenance as { assemblyscript: string }).assemblyscript]).toEqual([(b.build as { wasm: { size: number } }).wasm.size, b.build && (b.build as { assemblyscript: string }).assemblyscript]);
    const v = await json(0, 'version@1', '--version');
    expect(v.version).toBe(JSON.parse(await readFile('package.json', 'utf8')).version);
    expect((await cli('--version')).out).toBe(v.version);
    const h = await json(0, 'help@1', 'verify', '--help');
    expect(h.text).toBe((await cli('verify', '--help')).out);
  });

  it('export', async () => {
    const out = path.join(work, 'exported') + '/';
    const e = await json(0, 'export@1', 'export', run, '--trades', '--equity', '--out', out);
    expect((e.files as { kind: string }[]).map((f) => f.kind)).toEqual(['equity', 'trades']);
  });

  it('report and init', async () => {
    const page = path.join(work, 'page.html');
    expect((await json(0, 'report@1', 'report', run, '--out', page)).report).toBe(page);
    const project = path.join(work, 'project');
    const i = await json(0, 'init@1', 'init', project);
    expect(i.files).toContain('package.json');
    await json(2, 'error@1', 'init', project); // not empty now: a usage error (its code is init's to say)
  });

  it('a separate process: stdout is the document alone, the logs go to stderr', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, BACKPROOF_LOG: 'info' };
    delete env.VITEST;
    const r = spawnSync(process.execPath, ['bin/backproof.js', 'replay', run, '--json'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(document(r.stdout, 'replay@1').match).toBe(true);
    expect(r.stderr).toMatch(/"level":30/); // the info logs, as JSON lines on stderr
  });
});

describe('failures under --json: one error document, the documented exit code', () => {
  const error = async (exit: number, code: string, ...argv: string[]) => {
    const doc = await json(exit, 'error@1', ...argv);
    expect([doc.code, doc.exit]).toEqual([code, exit]);
    return doc;
  };

  it('usage (2), data (3), sandbox (4), verification (5), build (6)', async () => {
    expect((await error(2, 'USAGE', 'verify', run, '--no-such-option')).command).toBe('verify');
    expect((await error(2, 'USAGE', 'no-such-command')).command).toBeNull();
    await error(2, 'USAGE', 'log', 'no-such-subcommand');
    await error(2, 'USAGE', 'verify', '--log-level', 'loud');
    await error(2, 'OUTPUT_EXISTS', 'keygen', '--out', keys);
    await error(3, 'DATA_NOT_FOUND', 'backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', path.join(work, 'missing.csv'), '--unsigned');
    await error(4, 'FUEL_EXHAUSTED', 'backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--unsigned', '--fuel', '1000', '--out', path.join(work, 'nofuel'));
    const broken = path.join(work, 'broken');
    await cp(run, broken, { recursive: true });
    await writeFile(path.join(broken, 'stats.json'), '{}\n');
    const v = await error(5, 'VERIFY_FAILED', 'verify', broken);
    expect(v.step).toBe('result'); // stats.json is re-rendered from result.pb
    const bad = path.join(work, 'bad.ts');
    await writeFile(bad, 'export function init(: void {}\n');
    await error(6, 'BUILD_FAILED', 'build', bad);
  });
});

describe('record.json', () => {
  it('of a signed and an unsigned run is valid under record@3', async () => {
    for (const dir of [run, other]) expect(errorsOf('record@3', JSON.parse(await readFile(path.join(dir, 'record.json'), 'utf8')))).toEqual([]);
  });

  it('the schema of each link body names exactly the fields of its protobuf message', () => {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'record@3.json'), 'utf8'));
    const links = schema.properties.links.prefixItems as { properties: { kind: { const: string }; body: { properties: Record<string, unknown> } } }[];
    expect(links.map((l) => l.properties.kind.const)).toEqual([...LINK_KINDS]);
    for (const [i, kind] of LINK_KINDS.entries())
      expect(Object.keys(links[i]!.properties.body.properties).sort()).toEqual(LINK_TYPES[kind].fieldsArray.map((f) => f.name).sort());
  });
});

describe('check-determinism', () => {
  it('identical: exit 0, every run in the document (the reference and the variants asked for)', async () => {
    const d = await json(0, 'check-determinism@1', 'check-determinism', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--runs', '1', '--variants', 'worker');
    expect([d.identical, (d.runs as { label: string }[]).map((r) => r.label), d.first]).toEqual([true, ['main', 'worker'], null]);
  });
});

describe('the schemas are not vacuous', () => {
  it('a missing field, an extra field, a wrong type or a wrong pattern fails', async () => {
    const good = await json(0, 'verify@1', 'verify', run);
    const without = { ...good };
    delete without.runId;
    expect(errorsOf('verify@1', without)).toEqual([" must have required property 'runId'"]);
    expect(errorsOf('verify@1', { ...good, extra: 1 })).toEqual([' must NOT have additional properties']);
    expect(errorsOf('verify@1', { ...good, signed: 'yes' })).toEqual(['/signed must be boolean']);
    expect(errorsOf('verify@1', { ...good, traceRoot: (good.traceRoot as string).toUpperCase() })).toHaveLength(1);
    expect(errorsOf('verify@1', { ...good, schema: 'backproof/verify@2' })).toHaveLength(1);
    const record = JSON.parse(await readFile(path.join(run, 'record.json'), 'utf8'));
    expect(errorsOf('record@3', record)).toEqual([]);
    const noBars = structuredClone(record);
    delete noBars.links[2].body.files[0].bars;
    expect(errorsOf('record@3', noBars)).toEqual(["/links/2/body/files/0 must have required property 'bars'"]);
    const swapped = structuredClone(record);
    [swapped.links[0], swapped.links[1]] = [swapped.links[1], swapped.links[0]];
    expect(errorsOf('record@3', swapped).length).toBeGreaterThan(0);
    expect(errorsOf('record@3', { ...record, signature: null })).toContain('/signature must be string'); // signed, so a signature is required
    expect(errorsOf('error@1', { schema: 'backproof/error@1', command: null, code: 'USAGE', step: null, message: 'x', exit: 0 })).toHaveLength(1);
  });
});

describe('sweep', () => {
  it('sweep, verify of the sweep folder, sweep-prove and verify-sweep-proof', async () => {
    const dir = path.join(work, 'sweep');
    const s = await json(0, 'sweep@1', 'sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=10', '--grid', 'slow=20,30',
      '--objective', 'sharpe', '--key', path.join(keys, 'backproof.key'), '--out', dir, '--workers', '1');
    expect([s.count, s.best, (s.top as { index: number }[]).map((t) => t.index)]).toEqual([2, 0, [0, 1]]);
    const v = await json(0, 'sweep-verify@1', 'verify', dir, '--pubkey', path.join(keys, 'backproof.pub'));
    expect([v.root, v.keyPinned]).toEqual([s.root, true]);
    const bundle = path.join(work, 'sweep-run1.json');
    const p = await json(0, 'sweep-prove@1', 'sweep-prove', dir, '1', '--out', bundle);
    expect((p.bundle as { sweep: { root: string } }).sweep.root).toBe(s.root);
    const c = await json(0, 'verify-sweep-proof@1', 'verify-sweep-proof', bundle, '--run', path.join(dir, 'runs', '0001'));
    expect([c.index, c.runChecked]).toEqual([1, true]);
    const page = path.join(work, 'sweep-slow-fast.html');
    const r = await json(0, 'sweep-report@1', 'report', dir, '--x', 'slow', '--y', 'fast', '--out', page);
    expect([r.report, r.x, r.y]).toEqual([page, 'slow', 'fast']);
  });
});

describe('walk-forward', () => {
  it('walk-forward and verify of its folder', async () => {
    const dir = path.join(work, 'walk-forward');
    const w = await json(0, 'walk-forward@1', 'walk-forward', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=10', '--grid', 'slow=20,30',
      '--objective', 'sharpe', '--train', '5y', '--test', '2y', '--key', path.join(keys, 'backproof.key'), '--out', dir, '--workers', '1');
    expect([w.count, (w.windows as unknown[]).length]).toEqual([6, 2]);
    const v = await json(0, 'walk-forward-verify@1', 'verify', dir, '--pubkey', path.join(keys, 'backproof.pub'));
    expect([v.root, v.keyPinned]).toEqual([w.root, true]);
    const page = path.join(work, 'walk-forward-page.html');
    const r = await json(0, 'walk-forward-report@1', 'report', dir, '--out', page);
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(path.join(dir, 'report.html'), 'utf8'));
    expect(r.report).toBe(page);
    // a windowed run's record.json (its data link's window) is record@3 too
    expect(errorsOf('record@3', JSON.parse(readFileSync(path.join(dir, 'windows', '000', 'out-of-sample', 'runs', '0000', 'record.json'), 'utf8')))).toEqual([]);
  });
});

describe('distributed sweeps', () => {
  it('deploy k8s, and worker (a real redis-server, one malformed job, --max-jobs 1)', async () => {
    const d = await json(0, 'deploy@1', 'deploy', 'k8s', '--redis', '--out', path.join(work, 'k8s'));
    expect((d.files as string[]).map((f) => path.basename(f))).toEqual(['redis.yaml', 'store.yaml', 'workers.yaml', 'kustomization.yaml']);
    const redis = await startRedis();
    const store = path.join(work, 'store');
    mkdirSync(store);
    const queue = new Queue(queueName(await new FolderStore(store).id()), { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      await queue.add('combination', { format: 'nope' }, { jobId: 'malformed' });
      const w = await json(0, 'worker@1', 'worker', '--queue', redis.url, '--store', store, '--unsigned', '--max-jobs', '1');
      expect([w.completed, w.failed]).toEqual([0, 1]);
    } finally {
      await queue.close();
      await redis.stop();
    }
  });
});

describe('strategy registry', () => {
  it('sign-strategy, and serve (stopped by --idle-exit)', async () => {
    const body = path.join(work, 'sma.upload.json');
    const s = await json(0, 'sign-strategy@1', 'sign-strategy', 'strategies-as/sma-cross.ts', '--name', 'sma', '--version', '1', '--key', path.join(keys, 'backproof.key'), '--out', body);
    expect([s.kind, s.out]).toEqual(['source', body]);
    const v = await json(0, 'serve@1', 'serve', '--trusted-keys', path.join(keys, 'backproof.pub'), '--port', '0', '--registry', path.join(work, 'registry'), '--unsigned', '--idle-exit', '0.1');
    expect(v.requests).toBe(0);
  });
});

describe('coverage', () => {
  it('every command has a schema file and was validated above; every schema file is used', () => {
    for (const c of COMMANDS) expect(validated, `${c.name}: ${c.schema}`).toContain(c.schema);
    const files = readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
    // A bumped schema's old file stays for readers of earlier output (README, "Versioning"): prove@1 (bundle format /1's claim).
    const used = new Set([...COMMANDS.map((c) => c.schema), 'defs@1', 'record@3', 'error@1', 'version@1', 'help@1', 'prove@1', 'sweep-verify@1', 'sweep-report@1', 'walk-forward-verify@1', 'walk-forward-report@1']);
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });
});

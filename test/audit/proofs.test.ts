// prove / verify-proof and attest / verify-attestation, end to end through the CLI, with every
// part of a bundle and an envelope damaged in turn.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { pae, verifyProofBundle, type ProofBundle } from '../../host/index.ts';
import { loadRecordedRun, openRecordedData, reexecute } from '../../host/inspect/reexecute.ts';

let work: string, run: string, pub: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-proofs-'));
  run = path.join(work, 'run');
  expect((await cli('keygen', '--out', path.join(work, 'keys'))).code).toBe(0);
  pub = path.join(work, 'keys', 'backproof.pub');
  // Trace format 4: proofs of one or two leaves holding a region record (format 6's: test/golden/trace-v6.test.ts).
  const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run, '--key', path.join(work, 'keys', 'backproof.key'), '--trace-format', '4');
  expect(r.code, r.err).toBe(0);
});

/** The region id holding a record's instruction (by function and offset). */
function regionOf(x: Awaited<ReturnType<typeof reexecute>>, r: { func: number; offset: number }): number {
  const m = x.map;
  for (let g = 0; g < m.regionFirst.length; g++)
    for (let i = m.regionFirst[g]!; i < m.regionFirst[g]! + m.regionInstructions[g]!; i++) if (m.func[i] === r.func && m.offset[i] === r.offset) return g + 1;
  throw new Error('no region');
}

const load = async (f: string) => JSON.parse(await readFile(f, 'utf8')) as ProofBundle;

describe('prove and verify-proof', () => {
  it('proves an instruction and checks it offline', async () => {
    const file = path.join(work, 'p.json');
    const r = await cli('prove', run, '--instruction', '636182', '--out', file);
    expect(r.code, r.err).toBe(0);
    const b = await load(file);
    expect(b.claim).toMatchObject({ instruction: 636182, func: 22, offset: 5329, name: 'global.get', callback: 'on_bar', barTime: '2008-08-11T00:00:00Z', event: 1001, symbol: 'GOOG' });
    expect(b.leaves.map((l) => l.index)).toEqual([6]);
    expect(b.treeSize).toBe(13);
    expect(b.root).toBe('8f5e542257b6a8cb8b13b2c8d92ccd33d8a06177e81b8195d9edb1a36a5d33ee');
    const v = await cli('verify-proof', file, '--pubkey', pub);
    expect(v.out).toContain('OK instruction 636182');
    expect(v.out).toContain('record → module → inclusion → instruction');
    expect(v.code).toBe(0);
  });

  it('carries two leaves when the region record straddles a leaf boundary', async () => {
    // Find an instruction whose region record starts in leaf 0 and ends in leaf 1.
    const rr = await loadRecordedRun(run);
    const data = await openRecordedData(rr);
    const near = await reexecute({ wasm: rr.wasm, feeds: data.feeds, config: rr.config, instrumenter: rr.instrumenter, keepFrom: Number.MAX_SAFE_INTEGER, recordFrom: 0, recordTo: 200_000 });
    const boundaryWord = rr.config.chunkSize / 4;
    const straddling = near.records
      .filter((r) => r.word < boundaryWord && r.word >= boundaryWord - 16)
      .find((r) => r.word + near.map.regionMemAccesses[regionOf(near, r) - 1]! >= boundaryWord);
    expect(straddling).toBeDefined();
    const file = path.join(work, 'straddle.json');
    expect((await cli('prove', run, '--instruction', String(straddling!.index), '--out', file)).code).toBe(0);
    const b = await load(file);
    expect(b.leaves.map((l) => l.index)).toEqual([0, 1]);
    expect(verifyProofBundle(b, null).instruction).toBe(straddling!.index);
  });

  it('proves the instruction that placed an order: a call, in on_bar', async () => {
    const file = path.join(work, 'order.json');
    expect((await cli('prove', run, '--order', '3', '--out', file)).code).toBe(0);
    const b = await load(file);
    expect(b.claim).toMatchObject({ order: 3, instruction: 62052, name: 'call', opcode: 0x10, callback: 'on_bar', barTime: '2004-12-17T00:00:00Z' });
    expect(verifyProofBundle(b, null).steps).toEqual(['record', 'module', 'inclusion', 'instruction']);
  });

  it('refuses impossible requests with usage errors', async () => {
    expect((await cli('prove', run, '--order', '100000')).err).toMatch(/USAGE: order 100000 was never placed .* up to \d+/);
    expect((await cli('prove', run, '--instruction', '99999999')).err).toMatch(/USAGE: instruction 99999999 is past the end of the run \(1354070 instructions\)/);
    expect((await cli('prove', run)).code).toBe(2);
    const off = path.join(work, 'off');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace', 'off', '--out', off, '--unsigned')).code).toBe(0);
    expect((await cli('prove', off, '--instruction', '5')).err).toContain('made with --trace off');
    await writeFile(path.join(work, 'junk.json'), '{');
    expect((await cli('verify-proof', path.join(work, 'junk.json'))).err).toContain('is not JSON');
  });

  it('rejects every damaged part of a bundle, naming the step', async () => {
    const good = await load(path.join(work, 'p.json'));
    const damage: [string, (b: ProofBundle) => void, string][] = [
      ['leaf data bit', (b) => { const d = Buffer.from(b.leaves[0]!.data, 'base64'); d[100] = d[100]! ^ 1; b.leaves[0]!.data = d.toString('base64'); }, 'inclusion'],
      ['inclusion path hash', (b) => { b.leaves[0]!.proof[1] = 'f'.repeat(64); }, 'inclusion'],
      ['dropped path hash', (b) => { b.leaves[0]!.proof.pop(); }, 'inclusion'],
      ['extra path hash', (b) => { b.leaves[0]!.proof.push('0'.repeat(64)); }, 'inclusion'],
      ['leaf index', (b) => { b.leaves[0]!.index = 5; }, 'inclusion'],
      ['claimed offset', (b) => { b.claim.offset = 5304; }, 'instruction'],
      ['claimed word', (b) => { b.claim.word += 1; }, 'instruction'],
      ['claimed stack height', (b) => { b.claim.stackHeight = 1; }, 'instruction'],
      ['root', (b) => { b.root = '0'.repeat(64); }, 'root'],
      ['tree size', (b) => { b.treeSize = 14; }, 'root'],
      ['module byte', (b) => { const m = Buffer.from(b.module, 'base64'); m[50] = m[50]! ^ 1; b.module = m.toString('base64'); }, 'module'],
      ['record byte', (b) => { const m = Buffer.from(b.record, 'base64'); m[40] = m[40]! ^ 1; b.record = m.toString('base64'); }, 'record'],
      ['format', (b) => { b.format = 'x'; }, 'format'],
    ];
    for (const [what, hurt, step] of damage) {
      const b = structuredClone(good);
      hurt(b);
      const file = path.join(work, `bad-${what.replace(/\W/g, '-')}.json`);
      await writeFile(file, JSON.stringify(b));
      const r = await cli('verify-proof', file);
      expect([what, r.code, r.err]).toEqual([what, 5, expect.stringContaining(`PROOF_INVALID [${step}]`)]);
    }
    // A key other than the signer's.
    await cli('keygen', '--out', path.join(work, 'other'));
    const r = await cli('verify-proof', path.join(work, 'p.json'), '--pubkey', path.join(work, 'other', 'backproof.pub'));
    expect([r.code, r.err]).toEqual([5, expect.stringMatching(/PROOF_INVALID \[record\]: signature: signed by key \w+, not by the trusted key/)]);
  });
});

describe('attest', () => {
  it('PAE is DSSE v1', () => {
    expect(Buffer.from(pae('http://example.com/HelloWorld', Buffer.from('hello world'))).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('writes an in-toto statement in a signed DSSE envelope that verifies, and nothing else does', async () => {
    const file = path.join(work, 'att.json');
    const r = await cli('attest', run, '--key', path.join(work, 'keys', 'backproof.key'), '--out', file);
    expect(r.code, r.err).toBe(0);
    const env = JSON.parse(await readFile(file, 'utf8'));
    expect(env.payloadType).toBe('application/vnd.in-toto+json');
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString());
    const stats = JSON.parse(await readFile(path.join(run, 'record.json'), 'utf8'));
    expect(st).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'result.pb', digest: { sha256: '217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83' } }],
      predicateType: 'https://backproof.dev/attestation/run-record/v1',
      predicate: { runId: stats.runId, record: stats },
    });
    expect((await cli('verify-attestation', file, '--pubkey', pub)).out).toBe('OK run ' + stats.runId + ': result sha256 217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83');
    const other = await cli('verify-attestation', file, '--pubkey', path.join(work, 'other', 'backproof.pub'));
    expect([other.code, other.err]).toEqual([5, expect.stringContaining('PROOF_INVALID [signature]')]);
    const tampered = { ...env, payload: Buffer.from(JSON.stringify({ ...st, subject: [{ name: 'result.pb', digest: { sha256: '0'.repeat(64) } }] })).toString('base64') };
    await writeFile(path.join(work, 'att-bad.json'), JSON.stringify(tampered));
    expect((await cli('verify-attestation', path.join(work, 'att-bad.json'), '--pubkey', pub)).err).toContain('PROOF_INVALID [signature]');
    const retyped = { ...env, payloadType: 'application/json' };
    await writeFile(path.join(work, 'att-type.json'), JSON.stringify(retyped));
    expect((await cli('verify-attestation', path.join(work, 'att-type.json'), '--pubkey', pub)).err).toContain('PROOF_INVALID [signature]'); // PAE binds the type
  });
});

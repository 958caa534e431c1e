// prove / verify-proof and attest / verify-attestation, end to end through the CLI, with every
// part of a bundle and an envelope damaged in turn: every claimed field changed fails naming it, and
// every context field (what the bundle cannot prove) is reported as not proven, never as checked.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { pae, proveInstruction, verifyProofBundle, type ProofBundle } from '../../host/index.ts';
import { TraceExpander } from '../../traces/index.ts';
import { loadRecordedRun, openRecordedData, reexecute } from '../../host/inspect/reexecute.ts';

let work: string, run: string, run6: string, pub: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-proofs-'));
  run = path.join(work, 'run');
  expect((await cli('keygen', '--out', path.join(work, 'keys'))).code).toBe(0);
  pub = path.join(work, 'keys', 'backproof.pub');
  // Trace format 4: proofs of one or two leaves holding a region record (format 6's: test/golden/trace-v6.test.ts).
  const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run, '--key', path.join(work, 'keys', 'backproof.key'), '--trace-format', '4');
  expect(r.code, r.err).toBe(0);
  // Trace format 6 (instrumenter 7, what runs recorded before version 8): the claim shows the index, the word and the callback too.
  run6 = path.join(work, 'run6');
  const r6 = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run6, '--unsigned', '--no-report', '--trace-format', '7');
  expect(r6.code, r6.err).toBe(0);
}, 120_000);

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
    expect(b.format).toBe('backproof-instruction-proof/2');
    expect(b.claim).toEqual({
      instruction: 636182, word: b.claim.word, func: 22, functionName: 'guest-sdk/strategy/Strategy#onBar@override', offset: 5329, opcode: 0x23, name: 'global.get',
      stackHeight: b.claim.stackHeight, address: null,
    });
    // Format 4: the callback is context too (a leaf does not show it).
    expect(b.context).toEqual({ order: null, callback: 'on_bar', event: 1001, barTime: '2008-08-11T00:00:00Z', symbol: 'GOOG' });
    expect(b.leaves.map((l) => l.index)).toEqual([6]);
    expect(b.treeSize).toBe(13);
    expect(b.root).toBe('8f5e542257b6a8cb8b13b2c8d92ccd33d8a06177e81b8195d9edb1a36a5d33ee');
    const v = await cli('verify-proof', file, '--pubkey', pub);
    expect(v.out).toContain('OK instruction 636182 (index not proven, below) of run');
    expect(v.out).toContain('record → module → inclusion → instruction');
    expect(v.out).toContain('proven: func 22, functionName guest-sdk/strategy/Strategy#onBar@override, offset 5329, opcode 35, name global.get');
    // What a format 4 leaf cannot show, and the context, are listed as not proven.
    expect(v.out.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(':')[0])).toEqual([
      'claim.instruction 636182', `claim.word ${b.claim.word}`, 'context.callback on_bar', 'context.order null', 'context.event 1001', 'context.barTime 2008-08-11T00', 'context.symbol GOOG',
    ]);
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
    expect(b.claim).toMatchObject({ instruction: 62052, name: 'call', opcode: 0x10 });
    expect(b.context).toEqual({ order: 3, callback: 'on_bar', event: 84, barTime: '2004-12-17T00:00:00Z', symbol: 'GOOG' });
    const check = verifyProofBundle(b, null);
    expect(check.steps).toEqual(['record', 'module', 'inclusion', 'instruction']);
    expect(check.unproven.find((u) => u.field === 'context.order')).toEqual({ field: 'context.order', value: 3, why: 'context from the data and the broker, not the trace' });
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
      ['claimed function name', (b) => { b.claim.functionName = 'guest-sdk/strategy/Strategy#onOrder'; }, 'instruction'],
      ['claimed mnemonic', (b) => { b.claim.name = 'call'; }, 'instruction'],
      ['a claim field nothing checks', (b) => { (b.claim as unknown as Record<string, unknown>).order = 3; }, 'format'],
      ['a context field that is no context', (b) => { (b.context as unknown as Record<string, unknown>).word = 3; }, 'format'],
      ['a context value it cannot take', (b) => { (b.context as unknown as Record<string, unknown>).order = 'three'; }, 'format'],
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

describe('prove and verify-proof on trace format 6: the claim is checked field by field, the context is labelled', () => {
  let file: string, good: ProofBundle;
  beforeAll(async () => {
    file = path.join(work, 'order3-v6.json');
    const r = await cli('prove', run6, '--order', '3', '--out', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('context (from re-executing with the data; the bundle does not prove it): placed order 3, bar 2004-12-17T00:00:00Z (event 84, GOOG)');
    good = await load(file);
  }, 60_000);

  it('claims the index, the word the expansion reaches it at and the callback the host entered; the order and the bar are context', () => {
    expect(good.claim).toEqual({
      instruction: 62052, word: 1904, func: 22, functionName: 'guest-sdk/strategy/Strategy#onBar@override', offset: 5472, opcode: 0x10, name: 'call',
      stackHeight: 2, address: null, callback: 'on_bar', keyframe: null,
    });
    expect(good.context).toEqual({ order: 3, event: 84, barTime: '2004-12-17T00:00:00Z', symbol: 'GOOG' });
    const check = verifyProofBundle(good, null);
    expect(check.proven).toEqual(good.claim);
    expect(check.unproven.map((u) => [u.field, u.value])).toEqual([['context.order', 3], ['context.event', 84], ['context.barTime', '2004-12-17T00:00:00Z'], ['context.symbol', 'GOOG']]);
  });

  it('the word is the stream words read when the expansion reaches the instruction: the same however the stream is pushed', async () => {
    const rr = await loadRecordedRun(run6);
    const { map } = await reexecute({ wasm: rr.wasm, feeds: (await openRecordedData(rr)).feeds, config: rr.config, instrumenter: rr.instrumenter, keepFrom: 0, stopAt: 4 });
    const stream = Buffer.from(good.leaves[0]!.data, 'base64');
    const at = (piece: number) => {
      let seen: number[] = [];
      const ex: TraceExpander = new TraceExpander(map, (r) => { if (r.index === 62052) seen = [ex.words, Math.ceil(ex.bytes / 4)]; }, 62052, 62053);
      for (let p = 0; p < stream.length; p += piece) ex.push(stream.subarray(p, p + piece));
      return seen;
    };
    // Words read: 1904 for every piece size; words pushed (what /1 bundles wrote) depends on it.
    expect([1, 4, 256, 4096].map(at)).toEqual([[1904, 1913], [1904, 1913], [1904, 1920], [1904, 2048]]);
  }, 60_000);

  it('every changed claim field fails, naming it', async () => {
    const damage: [string, (b: ProofBundle) => void, RegExp][] = [
      ['word', (b) => { b.claim.word = 1; }, /\[instruction\]: claim\.word is 1; the expansion has read 1904 stream words when it reaches instruction 62052/],
      ['callback', (b) => { b.claim.callback = 'on_order'; }, /\[instruction\]: claim\.callback is "on_order"; the host entered function \d+, exported as on_bar/],
      ['function name', (b) => { b.claim.functionName = 'main'; }, /\[instruction\]: claim\.functionName is "main"; the module's name section names function 22 "guest-sdk\/strategy\/Strategy#onBar@override"/],
      ['instruction', (b) => { b.claim.instruction = 62053; }, /\[instruction\]: the trace decodes to/],
      ['offset', (b) => { b.claim.offset = 5471; }, /\[instruction\]: the trace decodes to/],
      ['order in the claim', (b) => { (b.claim as unknown as Record<string, unknown>).order = 7; }, /\[format\]: claim\.order is not a field of this bundle: nothing would check it/],
      ['callback in the context', (b) => { (b.context as unknown as Record<string, unknown>).callback = 'on_bar'; }, /\[format\]: context\.callback is not a field of this bundle/],
      ['callback dropped', (b) => { delete b.claim.callback; }, /\[format\]: claim\.callback is missing/],
      ['context dropped', (b) => { delete b.context; }, /\[format\]: context is not an object/],
    ];
    for (const [what, hurt, message] of damage) {
      const b = structuredClone(good);
      hurt(b);
      const bad = path.join(work, `bad6-${what.replace(/\W/g, '-')}.json`);
      await writeFile(bad, JSON.stringify(b));
      const r = await cli('verify-proof', bad);
      expect([what, r.code, r.err]).toEqual([what, 5, expect.stringMatching(message)]);
      expect(r.err).toContain('PROOF_INVALID');
    }
  }, 120_000);

  it('init is the callback of the start function: proven, and on_bar in its place fails', async () => {
    const b = await proveInstruction({ dir: run6, instruction: 3 });
    expect([b.claim.functionName, b.claim.callback, b.context]).toEqual(['~start', 'init', { order: null, event: null, barTime: null, symbol: null }]);
    expect(verifyProofBundle(b, null).proven.callback).toBe('init');
    expect(() => verifyProofBundle({ ...b, claim: { ...b.claim, callback: 'on_bar' } }, null)).toThrow(/claim\.callback is "on_bar"; the host entered function 20, exported as init/);
  }, 60_000);

  it('a relabelled order, bar, event or symbol still verifies, and is printed as not proven (text and --json)', async () => {
    const b = structuredClone(good);
    b.context = { order: 7, event: 9, barTime: '2001-01-01T00:00:00Z', symbol: 'MSFT' };
    const relabelled = path.join(work, 'relabelled.json');
    await writeFile(relabelled, JSON.stringify(b));
    const r = await cli('verify-proof', relabelled);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n').slice(0, 7)).toEqual([
      expect.stringMatching(/^OK instruction 62052 of run \w+: record → module → inclusion → instruction$/),
      'proven: instruction 62052, word 1904, func 22, functionName guest-sdk/strategy/Strategy#onBar@override, offset 5472, opcode 16, name call, stackHeight 2, address null, callback on_bar, keyframe null',
      'not proven by this bundle (context: re-run `backproof prove` or `backproof trace` on the run with its data to check):',
      '  context.order 7: context from the data and the broker, not the trace',
      '  context.event 9: context from the data and the broker, not the trace',
      '  context.barTime 2001-01-01T00:00:00Z: context from the data and the broker, not the trace',
      '  context.symbol MSFT: context from the data and the broker, not the trace',
    ]);
    const j = JSON.parse((await cli('verify-proof', relabelled, '--json')).out);
    expect([j.proven.callback, j.unproven.map((u: { field: string; value: unknown }) => [u.field, u.value])]).toEqual(['on_bar', [['context.order', 7], ['context.event', 9], ['context.barTime', '2001-01-01T00:00:00Z'], ['context.symbol', 'MSFT']]]);
  }, 60_000);

  it('an old backproof-instruction-proof/1 bundle (written by the prove before /2) still verifies: its context fields and its format 6 word reported as not proven', () => {
    const v1 = JSON.parse(readFileSync('test/fixtures/proof-v1-format6.json', 'utf8')) as ProofBundle;
    expect([v1.format, v1.claim.word]).toEqual(['backproof-instruction-proof/1', 1920]);
    const check = verifyProofBundle(v1, null);
    expect(check.proven).toEqual({
      instruction: 62052, func: 22, functionName: 'guest-sdk/strategy/Strategy#onBar@override', offset: 5472, opcode: 0x10, name: 'call', stackHeight: 2, address: null, callback: 'on_bar', keyframe: null,
    });
    expect(check.unproven.map((u) => [u.field, u.value])).toEqual([['claim.word', 1920], ['claim.order', 3], ['claim.event', 84], ['claim.barTime', '2004-12-17T00:00:00Z'], ['claim.symbol', 'GOOG']]);
    // Its claim's other fields are checked as in /2.
    const fails = (hurt: (c: Record<string, unknown>) => void, message: RegExp) => {
      const b = structuredClone(v1);
      hurt(b.claim as unknown as Record<string, unknown>);
      expect(() => verifyProofBundle(b, null)).toThrow(message);
    };
    fails((c) => { c.callback = 'on_order'; }, /claim\.callback is "on_order"/);
    fails((c) => { c.functionName = null; }, /claim\.functionName is null/);
    fails((c) => { c.extra = 1; }, /claim\.extra is not a field of this bundle/);
    fails((c) => { delete c.order; }, /claim\.order is missing/);
    expect(() => verifyProofBundle({ ...v1, context: good.context }, null)).toThrow(/a backproof-instruction-proof\/1 bundle has no context/);
    // A relabelled /1 order verifies and is reported, unproven.
    const relabelled = structuredClone(v1);
    (relabelled.claim as unknown as Record<string, unknown>).order = 7;
    expect(verifyProofBundle(relabelled, null).unproven.find((u) => u.field === 'claim.order')?.value).toBe(7);
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

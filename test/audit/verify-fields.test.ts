// A self-consistent signer's lie: the record is rebuilt with one wrong field and re-signed with the
// real key (chain, run id and signature all check), and verify must still fail naming the link, the
// field and both values — or, for what only an execution gives, replay must. And the files attest
// and prove write into the folder are checked, not left unverified.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir, FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { replayRun } from '../../host/inspect/replay.ts';
import { attestRun } from '../../host/inspect/attest.ts';
import { proveInstruction } from '../../host/inspect/prove.ts';
import { generateKeys } from '../../host/audit/keys.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, type LinkKind } from '../../host/audit/record.ts';
import { toBigInt, uint64 } from '../../host/audit/codec.ts';
import { AuditError } from '../../host/errors.ts';

type Body = Record<string, unknown>;
let work: string, run: string;
const key = createPrivateKey(generateKeys().privateKeyPem);

let copies = 0;
async function copy(): Promise<string> {
  const dir = path.join(work, `copy-${++copies}`);
  await cp(run, dir, { recursive: true });
  return dir;
}

/** A copy whose record says something else in one field, re-signed with the run's own key (record.json re-rendered to match). */
async function lie(edit: (b: Record<LinkKind, Body>) => void): Promise<string> {
  const dir = await copy();
  const rec = decodeSignedRecord(new Uint8Array(await readFile(path.join(dir, FILES.record))));
  const bodies = rec.bodies as Record<LinkKind, Body>;
  edit(bodies);
  const links = chainLinks(bodies);
  const raw = signedRecordBytes(encodeRecord(runIdOf(bodies.strategy.wasmSha256 as Uint8Array, bodies.data, bodies.config), links), key);
  await writeFile(path.join(dir, FILES.record), raw);
  await writeFile(path.join(dir, FILES.recordJson), renderRecordJson(decodeSignedRecord(raw)));
  return dir;
}

async function failure(dir: string, strict = true): Promise<AuditError> {
  try {
    await verifyRun({ dir, strict });
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw e;
  }
  throw new Error(`${dir} verified`);
}

const plusOne = (v: unknown): unknown => uint64(toBigInt(v) + 1n);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-verify-fields-'));
  run = path.join(work, 'run');
  const strategy = await loadStrategy('strategies-as/sma-cross.ts');
  const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
  const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
  await writeRunDir({ dir: run, force: false, outcome, strategy, config, key });
}, 180_000);

describe('verify recomputes every field the folder determines', () => {
  it('an untouched copy, and a re-signed one with every field kept, verify under strict', async () => {
    expect((await verifyRun({ dir: run, strict: true })).unverified).toEqual([]);
    expect((await verifyRun({ dir: await lie(() => {}), strict: true })).unverified).toEqual([]);
  });

  it('a re-signed record with a wrong size, count, hash or equityFinal fails naming the link, the field and both values', async () => {
    const rec = decodeSignedRecord(new Uint8Array(await readFile(path.join(run, FILES.record))));
    const b = rec.bodies as Record<LinkKind, Body>;
    const wasm = toBigInt(b.strategy.wasmSize), inst = toBigInt(b.strategy.instrumentedSize);
    const file = b.data.files as Body[];
    const size = toBigInt(file[0]!.size), bars = toBigInt(file[0]!.bars), leaves = toBigInt(b.trace.leaves);
    const resultSize = toBigInt(b.result.size), trades = b.result.trades as number, equityFinal = b.result.equityFinal as number;
    expect(bars).toBe(2148n);
    const cases: [(b: Record<LinkKind, Body>) => void, string, string][] = [
      [(x) => void (x.strategy.wasmSize = plusOne(x.strategy.wasmSize)), 'strategy', `the strategy link's wasmSize is ${wasm + 1n}, strategy.wasm gives ${wasm}`],
      [(x) => void (x.strategy.instrumentedSize = plusOne(x.strategy.instrumentedSize)), 'strategy', `the strategy link's instrumentedSize is ${inst + 1n}, the instrumented module gives ${inst}`],
      [(x) => void ((x.strategy.sources as Body[])[0]!.normalizedSha256 = new Uint8Array(32)), 'strategy', `normalizedSha256 of source strategies-as/sma-cross.ts (its AST printed back) is ${Buffer.from((b.strategy.sources as Body[])[0]!.normalizedSha256 as Uint8Array).toString('hex')}, the record says ${'00'.repeat(32)}`],
      [(x) => void ((x.data.files as Body[])[0]!.size = plusOne(size)), 'data', `the data link's files[0].size is ${size + 1n}, data/GOOG.csv gives ${size}`],
      [(x) => void ((x.data.files as Body[])[0]!.bars = plusOne(bars)), 'data', `the data link's files[0].bars is 2149, data/GOOG.csv gives 2148`],
      [(x) => void (x.trace.leaves = plusOne(leaves)), 'trace', `the trace link's leaves is ${leaves + 1n}, trace-leaves.bin holds ${leaves} hashes`],
      [(x) => void (x.result.size = plusOne(resultSize)), 'result', `the result link's size is ${resultSize + 1n}, result.pb gives ${resultSize}`],
      [(x) => void (x.result.trades = trades + 1), 'result', `the result link's trades is ${trades + 1}, result.pb gives ${trades}`],
      [(x) => void (x.result.equityFinal = equityFinal + 0.5), 'result', `the result link's equityFinal is ${equityFinal + 0.5}, result.pb gives ${equityFinal}`],
    ];
    for (const [edit, step, message] of cases) {
      const e = await failure(await lie(edit));
      expect({ code: e.code, step: e.step, message: e.message }, message).toEqual({ code: 'VERIFY_FAILED', step, message });
    }
  });

  it('a lie about instructions, fuel or trace bytes passes verify (it needs an execution) and replay names the field', async () => {
    for (const field of ['instructions', 'fuelUsed', 'bytes']) {
      const dir = await lie((x) => void (x.trace[field] = plusOne(x.trace[field])));
      await verifyRun({ dir, strict: true });
      const r = await replayRun({ dir });
      expect(r.match).toBe(false);
      expect(r.mismatches).toEqual([field]);
      const recorded = { instructions: r.recordedInstructions, fuelUsed: r.recordedFuelUsed, bytes: r.recordedTraceBytes }[field]!;
      const replayed = { instructions: r.replayedInstructions, fuelUsed: r.replayedFuelUsed, bytes: r.replayedTraceBytes }[field]!;
      expect(recorded).toBe(replayed + 1n);
    }
    const r = await replayRun({ dir: run });
    expect([r.match, r.mismatches, r.recordedInstructions === r.replayedInstructions, r.recordedFuelUsed === r.replayedFuelUsed, r.recordedTraceBytes === r.replayedTraceBytes]).toEqual([true, [], true, true, true]);
  }, 120_000);
});

/** `bytes` with one bit flipped at each of `positions`, each in its own copy: the verify failure of each. */
async function flips(file: string, text: string, positions: number[]): Promise<AuditError[]> {
  const out: AuditError[] = [];
  for (const at of positions) {
    const dir = await copy();
    const bytes = Buffer.from(text);
    bytes[at] = bytes[at]! ^ 0x01;
    await writeFile(path.join(dir, file), bytes);
    out.push(await failure(dir));
  }
  return out;
}

describe('verify checks the files attest and prove write into the folder', () => {
  it('attestation.dsse.json: a good one passes --strict; one flipped byte (middle, end, a dropped base64 bit of the signature) fails naming it', async () => {
    const text = JSON.stringify(await attestRun(run, key), null, 2) + '\n';
    const dir = await copy();
    await writeFile(path.join(dir, 'attestation.dsse.json'), text);
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
    // The signature's last base64 digit before "==" carries 4 bits the decoder drops.
    const sigEnd = text.lastIndexOf('=="') - 1;
    const errors = await flips('attestation.dsse.json', text, [Math.floor(text.length / 2), text.length - 1, sigEnd, text.indexOf('"keyid"') + 12]);
    for (const e of errors) expect([e.step, e.message]).toEqual(['attestation', expect.stringContaining('attestation.dsse.json')]);
  }, 60_000);

  it('an attestation of another record (the same run, re-signed with a changed field) fails', async () => {
    const other = await lie((x) => void (x.result.equityFinal = 1));
    const dir = await copy();
    await writeFile(path.join(dir, 'attestation.dsse.json'), JSON.stringify(await attestRun(other, key), null, 2) + '\n');
    const e = await failure(dir);
    expect([e.step, e.message]).toEqual(['attestation', 'attestation.dsse.json attests another record.pb than this folder\'s']);
  });

  it('proof-<N>.json: a good one passes --strict; one flipped byte (middle, end, a leaf\'s last base64 digit) fails naming it', async () => {
    const bundle = await proveInstruction({ dir: run, instruction: 1000 });
    const text = JSON.stringify(bundle, null, 2) + '\n';
    const dir = await copy();
    await writeFile(path.join(dir, 'proof-1000.json'), text);
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
    const dataAt = text.indexOf('"data": "') + 9;
    const dataEnd = text.indexOf('"', dataAt) - 1;
    const lastDigit = text[dataEnd] === '=' ? text.lastIndexOf('=', dataEnd) - (text[dataEnd - 1] === '=' ? 2 : 1) : dataEnd;
    const errors = await flips('proof-1000.json', text, [Math.floor(text.length / 2), text.length - 1, dataAt + 3, lastDigit]);
    for (const e of errors) expect([e.step, e.message]).toEqual(['proof', expect.stringContaining('proof-1000.json')]);
    // A good bundle under another instruction's name.
    await writeFile(path.join(dir, 'proof-1001.json'), text);
    expect((await failure(dir)).message).toBe('proof-1001.json proves instruction 1000');
  }, 120_000);
});

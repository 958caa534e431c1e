// The provenance stamp: `backproof build` writes asc's module with a producers section after it (jco
// metadataAdd) that says what built it; `inspect` shows it with the WAT and our byte offsets; verify fails a
// run whose module's stamp disagrees with the record's links. The stamp changes no run's trace or result.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { cli } from '../helpers/cli.ts';
import { loadData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { executeRun } from '../../host/run/execute.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { ASC_FLAGS, ascVersion, buildStrategy } from '../../host/build/asc.ts';
import { locatorOf } from '../../host/run/source-map.ts';
import { backproofVersion, toolchainMessage } from '../../host/run/toolchain.ts';
import { instructionOffsets, jcoTools, producersOf, provenanceOf, sourcesDigest, stampDisagreements, stampProvenance, watWithOffsets, type Provenance } from '../../host/component/index.ts';

let work: string;
let stamped: Uint8Array;
let asc: Uint8Array;
let info: { wasm: { sha256: string; size: number }; sources: { path: string; sha256: string }[] };
let expected: Provenance;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-stamp-'));
  const r = await cli('build', 'strategies-as/sma-cross.ts', '--out', path.join(work, 'sma.wasm'), '--component');
  expect([r.code, r.err]).toEqual([0, '']);
  stamped = new Uint8Array(await readFile(path.join(work, 'sma.wasm')));
  info = JSON.parse(await readFile(path.join(work, 'sma.build.json'), 'utf8'));
  asc = (await buildStrategy('strategies-as/sma-cross.ts')).wasm;
  expected = { assemblyscript: ascVersion(), backproof: backproofVersion(), ascFlags: [...ASC_FLAGS], sources: sourcesDigest(info.sources), sdk: toolchainMessage().sdk as string };
}, 120_000);

async function backtestJson(strategy: string, out: string): Promise<{ trace: { root: string }; resultSha256: string }> {
  const r = await cli('backtest', '--strategy', strategy, '--data', 'data/GOOG.csv', '--out', out, '--unsigned', '--no-report', '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('the provenance stamp', () => {
  it('build writes asc\'s bytes and the stamp after them: the toolchain link\'s fields and the sources\' digest', async () => {
    expect(stamped.subarray(0, asc.length)).toEqual(asc); // every code offset (trace, source map) is asc's
    expect(stamped.length).toBeGreaterThan(asc.length);
    expect([info.wasm.size, info.wasm.sha256]).toEqual([stamped.length, createHash('sha256').update(stamped).digest('hex')]);
    expect(provenanceOf(stamped)).toEqual(expected);
    expect(provenanceOf(asc)).toBeNull();
    // our parser (verify's) reads what jco's metadataShow reads
    expect(producersOf(stamped)).toEqual((await (await jcoTools()).metadataShow(stamped))[0]!.producers);
    const component = new Uint8Array(await readFile(path.join(work, 'sma.component.wasm')));
    expect([...component.subarray(4, 8)]).toEqual([0x0d, 0x00, 0x01, 0x00]);
  });

  it('sourcesDigest: SHA-256 over path, 0x00, the 32 hash bytes, source by source', () => {
    const h = 'ab'.repeat(32);
    const manual = createHash('sha256').update(Buffer.concat([Buffer.from('a.ts'), Buffer.of(0), Buffer.from(h, 'hex'), Buffer.from('b/c.ts'), Buffer.of(0), Buffer.from(h, 'hex')])).digest('hex');
    expect(sourcesDigest([{ path: 'a.ts', sha256: h }, { path: 'b/c.ts', sha256: Buffer.from(h, 'hex') }])).toBe(`sha256:${manual}`);
  });

  it('a run of the stamped module has the trace root and result of the run of its source, and verifies', async () => {
    const fromTs = await backtestJson('strategies-as/sma-cross.ts', path.join(work, 'run-ts'));
    const fromWasm = await backtestJson(path.join(work, 'sma.wasm'), path.join(work, 'run-wasm'));
    expect([fromWasm.trace.root, fromWasm.resultSha256]).toEqual([fromTs.trace.root, fromTs.resultSha256]);
    expect((await cli('verify', path.join(work, 'run-wasm'))).code).toBe(0);
  }, 120_000);

  it('backtest refuses a module stamped by another toolchain (exit 2); verify fails [strategy] on a run of one', async () => {
    const cases: [string, Partial<Provenance>, RegExp][] = [
      ['sdk', { sdk: `sha256:${'0'.repeat(64)}` }, /guest SDK sha256:0{64}, the toolchain link's sha256:[0-9a-f]{64}/],
      ['asc', { assemblyscript: '0.27.0' }, /AssemblyScript 0\.27\.0, the toolchain link's \d/],
      ['flags', { ascFlags: ['-O2'] }, /asc flags "-O2", the toolchain link's "-O3 /],
    ];
    for (const [name, wrong, message] of cases) {
      const file = path.join(work, `${name}.wasm`);
      const wasm = await stampProvenance(asc, { ...expected, ...wrong });
      await writeFile(file, wasm);
      const refused = JSON.parse((await cli('backtest', '--strategy', file, '--data', 'data/GOOG.csv', '--unsigned', '--json')).out);
      expect([refused.code, refused.exit]).toEqual(['USAGE', 2]);
      expect(refused.message).toMatch(message);
      // A run of it made past that check (as by an older Backproof): its record's toolchain link contradicts the stamp.
      const strategy = { wasm, sources: [] };
      const config = { ...DEFAULT_CONFIG };
      const outcome = executeRun({ strategy, data: await loadData('data/GOOG.csv'), config });
      await writeRunDir({ dir: path.join(work, `run-${name}`), force: false, outcome, strategy, config, key: null });
      const v = await cli('verify', path.join(work, `run-${name}`), '--json');
      expect(v.code).toBe(5);
      const doc = JSON.parse(v.out);
      expect([doc.code, doc.step]).toEqual(['VERIFY_FAILED', 'strategy']);
      expect(doc.message).toMatch(/strategy\.wasm's provenance stamp \(its producers section\) disagrees with the record: /);
      expect(doc.message).toMatch(message);
    }
  }, 180_000);

  it('a record that lists sources: their digest must be the stamp\'s (a run from a .wasm lists none)', () => {
    const sources = info.sources.map((s) => ({ path: s.path, sha256: Buffer.from(s.sha256, 'hex') }));
    const toolchain = toolchainMessage();
    expect(stampDisagreements(expected, toolchain, sources)).toEqual([]);
    expect(stampDisagreements(expected, toolchain, [])).toEqual([]);
    const other = sources.map((s, i) => (i === 0 ? { ...s, sha256: Buffer.alloc(32) } : s));
    expect(stampDisagreements(expected, toolchain, other)).toEqual([`sources ${expected.sources}, the strategy link's sources give ${sourcesDigest(other)}`]);
  });
});

describe('backproof inspect', () => {
  // The opcode each of these mnemonics is encoded with: the byte at a printed offset must be it.
  const OPCODES: Record<string, number> = {
    'unreachable': 0x00, 'nop': 0x01, 'block': 0x02, 'loop': 0x03, 'if': 0x04, 'else': 0x05, 'end': 0x0b, 'br': 0x0c, 'br_if': 0x0d, 'br_table': 0x0e,
    'return': 0x0f, 'call': 0x10, 'call_indirect': 0x11, 'drop': 0x1a, 'select': 0x1b, 'local.get': 0x20, 'local.set': 0x21, 'local.tee': 0x22,
    'global.get': 0x23, 'global.set': 0x24, 'i32.load': 0x28, 'i64.load': 0x29, 'f64.load': 0x2b, 'i32.store': 0x36, 'i64.store': 0x37, 'f64.store': 0x39,
    'i32.const': 0x41, 'i64.const': 0x42, 'f64.const': 0x44, 'i32.eqz': 0x45, 'i32.add': 0x6a, 'i32.sub': 0x6b, 'f64.add': 0xa0, 'f64.mul': 0xa2,
  };

  it('prints the stamp, then every instruction of the WAT beside its byte offset in the module', async () => {
    const r = await cli('inspect', path.join(work, 'sma.wasm'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe(`language      AssemblyScript ${expected.assemblyscript}`);
    expect(lines[3]).toBe(`sdk           backproof-guest-sdk ${expected.sdk}`);
    let checked = 0;
    let numbered = 0;
    for (const line of lines) {
      const m = /^ *(\d+) {2} +([a-z0-9_.]+)/.exec(line);
      if (!m) continue;
      numbered++;
      const opcode = OPCODES[m[2]!];
      if (opcode === undefined) continue;
      expect([m[2], stamped[Number(m[1])]]).toEqual([m[2], opcode]);
      checked++;
    }
    expect(numbered).toBe(instructionOffsets(stamped).flat().length); // every instruction but each body's final end
    expect(checked).toBeGreaterThan(2000);
    // With the source map build wrote beside it (bound by sma.build.json): a position where it changes.
    const locate = locatorOf(stamped, await readFile(path.join(work, 'sma.wasm.map'), 'utf8'))!;
    expect(`${r.out}\n`.endsWith(await watWithOffsets(stamped, 'x', locate))).toBe(true);
    const noted = lines.flatMap((l) => {
      const m = /^ *(\d+) {2}.*  ;; (\S+)$/.exec(l);
      return m ? [[locate(Number(m[1])), m[2]]] : [];
    });
    expect(noted.filter(([, where]) => where!.startsWith('strategies-as/sma-cross.ts:')).length).toBeGreaterThan(10);
    for (const [located, where] of noted) expect(where).toBe(located);
  }, 60_000);

  it('--provenance prints no WAT; an unstamped module says it has none', async () => {
    const r = await cli('inspect', path.join(work, 'sma.wasm'), '--provenance');
    expect(r.out.split('\n')).toHaveLength(4);
    await writeFile(path.join(work, 'asc.wasm'), asc);
    const bare = await cli('inspect', path.join(work, 'asc.wasm'), '--provenance', '--json');
    expect(JSON.parse(bare.out)).toMatchObject({ producers: [], provenance: null, size: asc.length });
  });

  it('a component, a file that is not wasm, or no file: a typed error', async () => {
    expect(JSON.parse((await cli('inspect', path.join(work, 'sma.component.wasm'), '--json')).out)).toMatchObject({ code: 'USAGE', exit: 2 });
    expect(JSON.parse((await cli('inspect', 'README.md', '--json')).out)).toMatchObject({ code: 'WASM_MALFORMED', exit: 4 });
    expect(JSON.parse((await cli('inspect', path.join(work, 'missing.wasm'), '--json')).out)).toMatchObject({ code: 'USAGE', exit: 2 });
  });
});

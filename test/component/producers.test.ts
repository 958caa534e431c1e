// One reading of a module's provenance: the producers section is read by one strict reader
// (sandbox/instrument/producers) wherever it is read — the decoder (build's check, every run, serve's
// upload), backtest's and verify's stamp checks, inspect — so no two readers can show two provenances.
// The hostile modules are an outside tester's (issue 13, item 2), made here with a small writer as
// their wasm.py made them: two producers sections, a count of 0xffffffff and nothing else, an unknown
// field name, two backproof-sources entries in one section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { Writer } from '../../host/sandbox/instrument/bytes.ts';
import { parseModule } from '../../host/sandbox/instrument/module.ts';
import { producersOf } from '../../host/sandbox/instrument/producers.ts';
import { jcoTools, provenanceOf } from '../../host/component/index.ts';
import { checkBuild } from '../../host/build/check.ts';
import { SandboxError } from '../../host/errors.ts';
import { loadData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { compileForRun, executeRun } from '../../host/run/execute.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { generateKeys, rawPublicKey } from '../../host/index.ts';
import { signUpload, startServer, type RunningServer } from '../../host/serve/index.ts';

type Fields = [string, [string, string][]][];

/** A custom section: id 0, its size, its name, then `body` byte for byte (however malformed). */
function custom(name: string, body: ArrayLike<number>): Uint8Array {
  return new Writer().u8(0).sized(new Writer().name(name).bytes(Uint8Array.from(body))).toBytes();
}

/** A producers section as the tool conventions encode one (field count, each field's name, value count, name/version pairs). */
function producers(fields: Fields): Uint8Array {
  const body = new Writer().u32(fields.length);
  for (const [field, values] of fields) {
    body.name(field).u32(values.length);
    for (const [name, version] of values) body.name(name).name(version);
  }
  return custom('producers', body.toBytes());
}

const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
/** The smallest module: its preamble and nothing else (a section after it starts at byte offset 8). */
const EMPTY = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
const utf8 = (s: string): number[] => [...Buffer.from(s)];

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(SandboxError);
    expect((e as SandboxError).code).toBe('WASM_MALFORMED');
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('the producers section, read strictly', () => {
  // Each section below starts at byte offset 8 (EMPTY's length); its body at 20 (id, size, the name's length and 9 bytes).
  const at = (offset: number, what: string) => `malformed wasm at byte offset ${offset}: ${what} (the producers section at byte offset 8)`;
  const cases: [string, Uint8Array, string][] = [
    ['a count of 0xffffffff and nothing else', custom('producers', [0xff, 0xff, 0xff, 0xff, 0x0f]), at(20, 'field count 4294967295, but the section has 0 bytes left')],
    ['an unknown field name', producers([['weird-field', [['x', '1']]]]), at(21, 'unknown field name "weird-field" (the tool conventions define language, processed-by, sdk)')],
    ['a field twice', producers([['sdk', []], ['sdk', []]]), at(26, 'field "sdk" appears a second time')],
    ['one name twice in a field', producers([['processed-by', [['a', '1'], ['a', '2']]]]), at(39, '"a" appears a second time in field "processed-by"')],
    ['a value count past the end', custom('producers', [0x01, 0x03, ...utf8('sdk'), 0xff, 0xff, 0xff, 0xff, 0x0f]), at(25, 'sdk value count 4294967295, but the section has 0 bytes left')],
    ['a name past the end', custom('producers', [0x01, 0x7f, ...utf8('sdk')]), at(21, 'a field name of 127 bytes, but the section has 3 bytes left')],
    ['a version past the end', custom('producers', [0x01, 0x03, ...utf8('sdk'), 0x01, 0x01, 0x61, 0x05, 0x31]), at(28, 'the version of a of 5 bytes, but the section has 1 byte left')],
    ['a byte after the last field', custom('producers', [0x00, 0x00]), at(21, '1 byte after its last field')],
    ['a name that is not UTF-8', custom('producers', [0x01, 0x02, 0xff, 0xfe, 0x00]), at(21, 'name is not valid UTF-8')],
  ];

  it.each(cases)('%s: WASM_MALFORMED naming the problem and its byte offset, wherever the module is decoded', (_, section, message) => {
    const wasm = concat(EMPTY, section);
    expect(refusal(() => producersOf(wasm))).toBe(message);
    expect(refusal(() => parseModule(wasm))).toBe(message);
    expect(refusal(() => provenanceOf(wasm))).toBe(message);
    expect(parseModule(wasm, { producers: false }).sections).toHaveLength(1); // inspect's printer still decodes the code
  });

  it('a second producers section, before or after a valid one: refused, naming both offsets', () => {
    const stamp = producers([['language', [['AssemblyScript', '0.28.20']]]]);
    const forged = producers([['language', [['AssemblyScript', '0.28.21']]]]);
    const second = 8 + stamp.length;
    const message = `malformed wasm at byte offset ${second}: a second producers section (the first is at byte offset 8); a module may have one`;
    expect(refusal(() => producersOf(concat(EMPTY, stamp, forged)))).toBe(message);
    expect(refusal(() => producersOf(concat(EMPTY, forged, stamp)))).toBe(message);
    expect(refusal(() => parseModule(concat(EMPTY, stamp, producers([]))))).toBe(message);
  });

  it('a valid section: its fields in order, as jco\'s metadataShow reads them; none, an empty one and other custom sections read as none', async () => {
    const fields: Fields = [
      ['language', [['AssemblyScript', '0.28.20']]],
      ['processed-by', [['backproof', '0.1.0'], ['backproof-sources', `sha256:${'0'.repeat(64)}`]]],
      ['sdk', [['backproof-guest-sdk', `sha256:${'1'.repeat(64)}`], ['backproof', 'x']]], // a name may recur in another field
    ];
    const wasm = concat(EMPTY, custom('producersx', [0xff]), producers(fields));
    expect(producersOf(wasm)).toEqual(fields);
    expect((await (await jcoTools()).metadataShow(wasm))[0]!.producers).toEqual(fields);
    expect(provenanceOf(wasm)).toMatchObject({ assemblyscript: '0.28.20', backproof: '0.1.0', sources: `sha256:${'0'.repeat(64)}` });
    expect(producersOf(EMPTY)).toEqual([]);
    expect(producersOf(concat(EMPTY, producers([])))).toEqual([]);
    expect(refusal(() => producersOf(new Uint8Array(Buffer.from('not a module'))))).toBe('malformed wasm at byte offset 0: not a wasm 1.0 binary (bad magic or version)');
  });
});

describe('every command refuses a module whose provenance could be read two ways', () => {
  let work: string;
  /** The module `backproof build` wrote (its stamp the last section) and asc's bytes before the stamp. */
  let stamped: Uint8Array;
  let asc: Uint8Array;
  const hostile: Record<string, Uint8Array> = {};
  const FORGED: Fields = [['language', [['AssemblyScript', '0.28.21']]], ['processed-by', [['backproof-sources', `sha256:${'0'.repeat(64)}`]]]];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-producers-'));
    const r = await cli('build', 'strategies-as/sma-cross.ts', '--out', path.join(work, 'sma.wasm'));
    expect([r.code, r.err]).toEqual([0, '']);
    stamped = new Uint8Array(await readFile(path.join(work, 'sma.wasm')));
    // metadataAdd appended the stamp: the last section, its fields those producersOf reads.
    const stamp = producers(producersOf(stamped));
    expect(stamped.subarray(stamped.length - stamp.length)).toEqual(stamp);
    asc = stamped.subarray(0, stamped.length - stamp.length);
    const genuine = producersOf(stamped);
    const sources = genuine[1]![1].find(([n]) => n === 'backproof-sources')!;
    Object.assign(hostile, {
      dup: concat(stamped, producers(FORGED)),
      count: concat(asc, custom('producers', [0xff, 0xff, 0xff, 0xff, 0x0f])),
      field: concat(asc, producers([['weird-field', [['x', '1']]]])),
      sources: concat(asc, producers(genuine.map(([f, v]): Fields[number] => [f, f === 'processed-by' ? [...v, [sources[0], `sha256:${'0'.repeat(64)}`]] : v]))),
    });
    for (const [name, wasm] of Object.entries(hostile)) await writeFile(path.join(work, `${name}.wasm`), wasm);
  }, 120_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const NAMES = ['dup', 'count', 'field', 'sources'];
  const PROBLEM: Record<string, RegExp> = {
    dup: /^malformed wasm at byte offset \d+: a second producers section \(the first is at byte offset \d+\); a module may have one$/,
    count: /^malformed wasm at byte offset \d+: field count 4294967295, but the section has 0 bytes left \(the producers section at byte offset \d+\)$/,
    field: /^malformed wasm at byte offset \d+: unknown field name "weird-field" .*\(the producers section at byte offset \d+\)$/,
    sources: /^malformed wasm at byte offset \d+: "backproof-sources" appears a second time in field "processed-by" \(the producers section at byte offset \d+\)$/,
  };

  it('backtest: WASM_MALFORMED (exit 4) naming the file, nothing written', async () => {
    for (const name of NAMES) {
      const file = path.join(work, `${name}.wasm`);
      const out = path.join(work, `run-${name}`);
      const r = await cli('backtest', '--strategy', file, '--data', 'data/GOOG.csv', '--out', out, '--unsigned', '--json');
      const doc = JSON.parse(r.out);
      expect([name, r.code, doc.code]).toEqual([name, 4, 'WASM_MALFORMED']);
      expect(doc.message.startsWith(`${file}: `)).toBe(true);
      expect(doc.message.slice(file.length + 2)).toMatch(PROBLEM[name]!);
      expect(existsSync(out)).toBe(false);
    }
  }, 60_000);

  it('build\'s check (what build and serve\'s source upload run on asc\'s module) refuses it as the sandbox does', () => {
    for (const name of NAMES) expect(refusal(() => checkBuild({ wasm: hostile[name]!, sources: [{ path: 'strategy.ts', text: '' }] }))).toMatch(PROBLEM[name]!);
  });

  it('inspect: the WAT with our offsets, then the error, typed (exit 4, no internal error, no stack); --json: the error document', async () => {
    for (const name of NAMES) {
      const file = path.join(work, `${name}.wasm`);
      const r = await cli('inspect', file);
      expect([name, r.code]).toEqual([name, 4]);
      expect(r.out.split('\n')[1]).toMatch(/^producers {5}refused: malformed wasm at byte offset \d+: /);
      // the code as for the genuine module: the same instruction at the same offset (the sections before the code are the same bytes)
      // (the genuine module's source map, bound by its .build.json, adds `;; file:line:col` notes: not compared)
      const instructions = (text: string) => text.split('\n').filter((l) => /^ *\d+ {2} +[a-z]/.test(l)).map((l) => l.replace(/ {2};; \S+$/, ''));
      const code = instructions(r.out);
      const genuine = instructions((await cli('inspect', path.join(work, 'sma.wasm'))).out);
      expect(code.length).toBeGreaterThan(2000);
      expect(code).toEqual(genuine);
      expect(r.err).toMatch(/error WASM_MALFORMED: malformed wasm at byte offset \d+: /);
      expect(r.err.split('\n').find((l) => /internal error|^\s+at /.test(l))).toBeUndefined();
      const alone = await cli('inspect', file, '--provenance'); // no WAT asked for: the error alone
      expect([alone.code, alone.out]).toEqual([4, '']);
      const json = await cli('inspect', file, '--provenance', '--json');
      const doc = JSON.parse(json.out);
      expect([json.code, doc.code, doc.exit]).toEqual([4, 'WASM_MALFORMED', 4]);
      expect(doc.message).toMatch(PROBLEM[name]!);
    }
  }, 120_000);

  it('verify of a run of one (made past the check, as by an older Backproof): VERIFY_FAILED [strategy] naming the problem', async () => {
    const data = await loadData('data/GOOG.csv');
    const config = { ...DEFAULT_CONFIG };
    // The genuine module compiled (uninstrumented: the run's path decodes the module it traces, and would
    // refuse it); the record made for the hostile bytes, which differ from it only in custom sections.
    const guest = compileForRun({ strategy: { wasm: stamped, sources: [] }, config, mode: 'none' });
    for (const name of ['dup', 'count']) {
      const strategy = { wasm: hostile[name]!, sources: [] };
      const outcome = executeRun({ strategy, data, config, mode: 'none', guest: { ...guest, original: strategy.wasm } });
      const dir = path.join(work, `made-${name}`);
      await writeRunDir({ dir, force: false, outcome, strategy, config, key: null });
      const v = await cli('verify', dir, '--json');
      const doc = JSON.parse(v.out);
      expect([v.code, doc.code, doc.step]).toEqual([5, 'VERIFY_FAILED', 'strategy']);
      expect(doc.message.startsWith('strategy.wasm\'s producers section is refused (WASM_MALFORMED): ')).toBe(true);
      expect(doc.message.slice('strategy.wasm\'s producers section is refused (WASM_MALFORMED): '.length)).toMatch(PROBLEM[name]!);
    }
  }, 60_000);

  it('serve: an upload of one is refused, 422 WASM_MALFORMED, and nothing is registered', async () => {
    const key = createPrivateKey(generateKeys().privateKeyPem);
    const server: RunningServer = await startServer({ registry: path.join(work, 'registry'), dataDir: 'data', key, trustedKeys: [rawPublicKey(key)], port: 0 });
    try {
      for (const name of NAMES) {
        const wasm = hostile[name]!;
        const r = await fetch(`${server.url}/strategies`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ wasm: Buffer.from(wasm).toString('base64'), signature: signUpload(wasm, { name, version: '1', kind: 'wasm' }, key) }),
        });
        const body = (await r.json()) as { error: { code: string; message: string } };
        expect([name, r.status, body.error.code]).toEqual([name, 422, 'WASM_MALFORMED']);
        expect(body.error.message).toMatch(PROBLEM[name]!);
      }
      const list = (await (await fetch(`${server.url}/strategies`)).json()) as { strategies: unknown[] };
      expect(list.strategies).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});

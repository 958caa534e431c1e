import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile, cp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { buildStrategy } from '../../host/build/asc.ts';
import { BuildError } from '../../host/errors.ts';

describe('backproof build', () => {
  it('writes the module and the hashes of every source', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-build-'));
    const out = path.join(dir, 'sma.wasm');
    const r = await cli('build', 'strategies-as/sma-cross.ts', '--out', out);
    expect(r.code).toBe(0);
    const info = JSON.parse(await readFile(path.join(dir, 'sma.build.json'), 'utf8'));
    expect(info.entry).toBe('strategies-as/sma-cross.ts');
    expect(info.sources.map((s: { path: string }) => s.path)).toEqual([
      'strategies-as/sma-cross.ts', 'guest-sdk/abi.ts', 'guest-sdk/constants.ts', 'guest-sdk/env.ts', 'guest-sdk/index.ts',
      'guest-sdk/indicators.ts', 'guest-sdk/runtime.ts', 'guest-sdk/strategy.ts',
    ]);
    expect(info.flags).toContain('--exportStart');
    const wasm = await readFile(out);
    expect(info.wasm.size).toBe(wasm.length);
  });

  it('normalized hashes ignore formatting and comments but not code', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'backproof-norm-')), 'w');
    await mkdir(dir);
    await cp('guest-sdk', path.join(dir, 'guest-sdk'), { recursive: true });
    await mkdir(path.join(dir, 'strategies-as'));
    const original = await readFile('strategies-as/sma-cross.ts', 'utf8');
    const variants = {
      same: original,
      reformatted: '// a new comment\n' + original.replace(/\n {4}/g, '\n\t\t').replace('this.buy();', 'this.buy( ) ;  /* why */'),
      renamed: original.replace(/SmaCross/g, 'SmaCrossover'),
      variable: original.replace(/\bfast\b(?!")/g, 'quick'), // the field, not the param's name
      onlyParamName: original.replace('param("fast"', 'param("quick"'),
      constant: original.replace('param("fast", 10)', 'param("fast", 11)'),
    };
    const cwd = process.cwd();
    const hashes: Record<string, { raw: string; normalized: string }> = {};
    try {
      process.chdir(dir);
      for (const [name, text] of Object.entries(variants)) {
        await writeFile('strategies-as/s.ts', text);
        const b = await buildStrategy('strategies-as/s.ts');
        hashes[name] = { raw: b.sources[0]!.sha256, normalized: b.sources[0]!.normalizedSha256 };
      }
    } finally {
      process.chdir(cwd);
    }
    expect(hashes.reformatted!.raw).not.toBe(hashes.same!.raw);
    expect(hashes.reformatted!.normalized).toBe(hashes.same!.normalized);
    expect(hashes.renamed!.normalized).not.toBe(hashes.same!.normalized);
    expect(original.match(/this\.fast/g)).toHaveLength(3);
    expect(hashes.variable!.normalized).not.toBe(hashes.same!.normalized);
    expect(hashes.onlyParamName!.normalized).not.toBe(hashes.same!.normalized);
    expect(hashes.constant!.normalized).not.toBe(hashes.same!.normalized);
  });

  it('a compile error exits 6 with asc diagnostics', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-bad-'));
    const bad = path.join(dir, 'bad.ts');
    await writeFile(bad, 'export function on_bar(): void { let x: i32 = "no"; }\n');
    const r = await cli('build', bad);
    expect(r.code).toBe(6);
    expect(r.err).toMatch(/BUILD_FAILED.*asc failed to compile/s);
    expect(r.err).toMatch(/TS2322/);
  });

  it('a crash inside asc (stack overflow on 20,000 nested parentheses) is BUILD_FAILED naming the strategy, exit 6', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-crash-'));
    const deep = path.join(dir, 'deep.ts');
    await writeFile(deep, `export function f(): i32 { return ${'('.repeat(20000)}1${')'.repeat(20000)}; }\n`);
    await expect(buildStrategy(deep)).rejects.toMatchObject({ constructor: BuildError, code: 'BUILD_FAILED', message: `asc crashed compiling ${deep}: RangeError: Maximum call stack size exceeded` });
    const r = await cli('build', deep);
    expect(r.code).toBe(6);
    expect(r.err).toContain(`BUILD_FAILED`);
    expect(r.err).toContain(`asc crashed compiling ${deep}: RangeError: Maximum call stack size exceeded`);
  }, 60_000);

  it('keygen refuses to overwrite a key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-keys-'));
    expect((await cli('keygen', '--out', dir)).code).toBe(0);
    const again = await cli('keygen', '--out', dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/OUTPUT_EXISTS/);
  });
});

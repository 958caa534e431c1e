// A build in its own process (build/isolated, what run/strategy uses on a build-cache miss): the very build
// asc makes in this process (module, source map, sources), every file it read told back with its text; a
// V8 option the Node in use does not know is dropped rather than failing the build; a process that dies
// without a reply is an error that says so, with what it wrote to stderr.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASC_FLAGS, buildStrategy } from '../../host/build/asc.ts';
import { BUILD_V8_FLAGS, buildIsolated } from '../../host/build/isolated.ts';

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const ENTRY = 'strategies-as/sma-cross-unit.ts';

describe('a build in its own process', () => {
  it('is the build made here, byte for byte, and tells every file it read', async () => {
    const [here, there] = await Promise.all([buildStrategy(ENTRY), buildIsolated(ENTRY, ASC_FLAGS)]);
    expect(BUILD_V8_FLAGS).toEqual(['--liftoff-only', '--max-semi-space-size=2', '--no-lazy', '--max-opt=2']);
    expect(sha(there.build.wasm)).toBe(sha(here.wasm));
    expect(there.build.wasm.length).toBe(7721);
    expect(there.build.sourceMap).toBe(here.sourceMap);
    expect(there.build.sources).toEqual(here.sources);
    expect(there.build.sources.map((s) => s.path)).toEqual([
      'strategies-as/sma-cross-unit.ts', 'guest-sdk/abi.ts', 'guest-sdk/constants.ts', 'guest-sdk/env.ts', 'guest-sdk/index.ts',
      'guest-sdk/indicators.ts', 'guest-sdk/runtime.ts', 'guest-sdk/strategy.ts',
    ]);
    const entry = path.resolve(ENTRY);
    expect(there.reads[0]).toEqual([entry, readFileSync(entry, 'utf8')]);
    expect([...new Set(there.reads.filter(([, text]) => text !== null).map(([f]) => path.relative(process.cwd(), f)))].sort()).toEqual(
      there.build.sources.map((s) => s.path).sort());
  }, 180_000);

  it('drops V8 options the Node in use does not know (it exits 9 at start) and builds without them', async () => {
    const there = await buildIsolated(ENTRY, ASC_FLAGS, ['--no-such-v8-option-for-backproof']);
    expect(there.build.wasm.length).toBe(7721);
  }, 180_000);

  it('says when its process ended without a reply, with the end of its stderr', async () => {
    const err = await buildIsolated(ENTRY, ASC_FLAGS, ['--max-old-space-size=16']).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^the build's process exited \(SIGABRT\) without a result:\n[^]*JavaScript heap out of memory/);
  }, 180_000);
});

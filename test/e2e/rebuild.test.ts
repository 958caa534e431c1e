// Module bytes do not depend on where the strategy sits: the same strategy and SDK copied to two
// folders build to the same bytes as in the repo; verify --rebuild rebuilds from a run folder's
// sources/ and refuses a record whose sources do not give its module.
import { describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStrategy } from '../../host/build/asc.ts';
import { executeRun } from '../../host/run/execute.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { sha256, toHex } from '../../traces/index.ts';

async function layout(root: string): Promise<string> {
  await mkdir(path.join(root, 'strategies-as'), { recursive: true });
  await cp('strategies-as/sma-cross.ts', path.join(root, 'strategies-as', 'sma-cross.ts'));
  await cp('guest-sdk', path.join(root, 'guest-sdk'), { recursive: true });
  return path.join(root, 'strategies-as', 'sma-cross.ts');
}

describe('folder-independent builds and verify --rebuild', () => {
  it('two folders, one module; --rebuild passes, and fails when the sources do not give the module', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'backproof-rebuild-'));
    const a = await buildStrategy(await layout(path.join(work, 'a')));
    const b = await buildStrategy(await layout(path.join(work, 'deeper', 'b', 'c')));
    expect(toHex(sha256(a.wasm))).toBe(toHex(sha256(b.wasm)));
    expect(a.sources.map((s) => s.path)).toEqual(b.sources.map((s) => s.path));
    expect(a.sources[0]!.path).toBe('strategies-as/sma-cross.ts');

    const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
    const data = await openData('data/GOOG.csv', {});
    const run = path.join(work, 'run');
    await writeRunDir({ dir: run, force: false, outcome: executeRun({ strategy: a, data, config }), strategy: a, config, key: null });
    expect((await verifyRun({ dir: run, rebuild: true })).steps).toContain('rebuild');

    // A module built from edited sources, recorded with the original sources: only --rebuild sees it.
    const edited = path.join(work, 'a', 'strategies-as', 'sma-cross.ts');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace('this.buy();', 'this.sell();'));
    const other = await buildStrategy(edited);
    const lie = { wasm: other.wasm, sources: a.sources };
    const bad = path.join(work, 'bad');
    await writeRunDir({ dir: bad, force: false, outcome: executeRun({ strategy: lie, data, config }), strategy: lie, config, key: null });
    await verifyRun({ dir: bad });
    await expect(verifyRun({ dir: bad, rebuild: true })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'rebuild' });
  }, 300_000);
});

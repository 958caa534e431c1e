// bin/backproof.js finds Backproof's cache folder by itself (it must not import a .ts before Node's compile
// cache is on); its rule must stay the one of host/build/cache-root.ts, which the rest of the host uses.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheRoot } from '../../host/build/cache-root.ts';

const BIN = path.resolve('bin/backproof.js');

/** Runs `backproof --version` in `cwd` with exactly `vars` (plus PATH) and returns the env it saw. */
function runVersion(cwd: string, vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH!, ...vars };
  const r = spawnSync(process.execPath, [BIN, '--version'], { cwd, env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  return env;
}

describe('launcher: the compile cache goes where host/build/cache-root.ts says the cache folder is', () => {
  const cases: [string, (dir: string) => Record<string, string>][] = [
    ['BACKPROOF_CACHE_DIR absolute', (dir) => ({ HOME: path.join(dir, 'home'), BACKPROOF_CACHE_DIR: path.join(dir, 'bp') })],
    ['BACKPROOF_CACHE_DIR relative (to the working folder)', (dir) => ({ HOME: path.join(dir, 'home'), BACKPROOF_CACHE_DIR: 'rel/bp' })],
    ['XDG_CACHE_HOME absolute', (dir) => ({ HOME: path.join(dir, 'home'), XDG_CACHE_HOME: path.join(dir, 'xdg') })],
    ['XDG_CACHE_HOME relative (ignored: ~/.cache)', (dir) => ({ HOME: path.join(dir, 'home'), XDG_CACHE_HOME: 'xdg' })],
    ['neither (~/.cache)', (dir) => ({ HOME: path.join(dir, 'home') })],
  ];
  for (const [name, varsOf] of cases) {
    it(name, () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-launcher-'));
      try {
        mkdirSync(path.join(dir, 'home'));
        const env = runVersion(dir, varsOf(dir));
        // cacheRoot resolves a relative BACKPROOF_CACHE_DIR against the working folder: the launcher's was `dir`.
        const bp = env.BACKPROOF_CACHE_DIR;
        const root = cacheRoot(bp ? { ...env, BACKPROOF_CACHE_DIR: path.resolve(dir, bp) } : env);
        expect(root).not.toBeNull();
        expect(readdirSync(path.join(root!, 'node')).length).toBeGreaterThan(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('BACKPROOF_CACHE_DIR=off: no compile cache anywhere', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-launcher-'));
    try {
      mkdirSync(path.join(dir, 'home'));
      runVersion(dir, { HOME: path.join(dir, 'home'), BACKPROOF_CACHE_DIR: 'off', XDG_CACHE_HOME: path.join(dir, 'xdg') });
      expect(readdirSync(path.join(dir, 'home'))).toEqual([]);
      expect(existsSync(path.join(dir, 'xdg'))).toBe(false);
      expect(existsSync(path.join(dir, 'off'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('launcher: glibc maps large blocks on their own (MALLOC_MMAP_THRESHOLD_), set before malloc starts', () => {
  // An --import that reports, at exit, what the process's environment says: the launcher re-runs itself in
  // place (execve) with the setting, so the report comes once, from the process that ran the command.
  const probe = `data:text/javascript,process.on('exit',()=>process.stderr.write('MMAP='+process.env.MALLOC_MMAP_THRESHOLD_+'\\n'))`;
  const run = (vars: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', probe, BIN, '--version'], { env: { PATH: process.env.PATH!, HOME: os.tmpdir(), BACKPROOF_CACHE_DIR: 'off', ...vars }, encoding: 'utf8' });

  it.runIf(process.platform === 'linux')('is set to 64 KiB by a re-run in place: one process, one output', () => {
    const r = run({});
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('MMAP=65536\n');
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.runIf(process.platform === 'linux')('verify, which runs no guest, is not re-run for it', () => {
    const r = spawnSync(process.execPath, ['--import', probe, BIN, 'verify', path.join(os.tmpdir(), 'no-such-run-folder'), '--quiet'], { env: { PATH: process.env.PATH!, HOME: os.tmpdir(), BACKPROOF_CACHE_DIR: 'off' }, encoding: 'utf8' });
    expect(r.status).toBe(2); // (a folder that does not exist: a usage error)
    expect(r.stderr.split('\n').filter((l) => l.startsWith('MMAP='))).toEqual(['MMAP=undefined']);
  });

  it.runIf(process.platform === 'linux').each(['sweep', 'walk-forward'])('%s is re-run with 1 MiB: a run\'s blocks below it come from the arenas, not one mapping each', (command) => {
    const r = spawnSync(process.execPath, ['--import', probe, BIN, command, '--workers', '0'], { env: { PATH: process.env.PATH!, HOME: os.tmpdir(), BACKPROOF_CACHE_DIR: 'off' }, encoding: 'utf8' });
    expect(r.status).toBe(2); // (a usage error: the command ran, in the re-run process)
    expect(r.stderr.split('\n').filter((l) => l.startsWith('MMAP='))).toEqual(['MMAP=1048576']);
  });

  it('a value already set is left alone (no re-run)', () => {
    const r = run({ MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('MMAP=131072\n');
  });
});

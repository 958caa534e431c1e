/**
 * The package's build, run by npm on prepack (npm pack, npm publish): compiles host/ and traces/ to dist/
 * (JavaScript and .d.ts, tsconfig.build.json) from a clean dist/. With --clean (postpack) it removes dist/
 * again, so the repository, which runs the .ts sources, keeps no compiled copy that could go stale.
 */
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

rmSync(dist, { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(dist, { recursive: true, force: true }); // no half-built package
    console.error('pack-build: tsc -p tsconfig.build.json failed (above); nothing was packed');
    process.exit(r.status ?? 1);
  }
}

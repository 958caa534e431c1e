import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Backproof's cache (built strategies, parsed data) goes to a fresh folder for the suite, never the user's
// ~/.cache: a test starts from an empty cache and leaves nothing behind.
const cacheDir = mkdtempSync(path.join(tmpdir(), 'backproof-test-cache-'));
process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two test files at a time on CI's 2 cores: most of the suite waits on asc builds, child processes and V8 compiles.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // No build server (build/build-server) is started by a test's command: many tests use a cache folder of their
    // own, and each would start one (~1.5 s CPU). test/run/build-server.test.ts turns it on for its own.
    env: { BACKPROOF_CACHE_DIR: cacheDir, BACKPROOF_BUILD_SERVER: 'off' },
  },
});

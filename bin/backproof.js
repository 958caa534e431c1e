#!/usr/bin/env node
// Launcher: runs the TypeScript CLI on a Node that strips types (>= 22.18 / 23.6). On an older
// Node (this machine's system Node 20) it re-runs itself on the Node 24 that `npm ci` installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 22 && process.features.typescript) {
  const { main } = await import('../host/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} else {
  const bundled = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    console.error(`backproof: Node ${process.versions.node} cannot run it; install Node >= 22.18 or run "npm ci" in the backproof folder`);
    process.exit(1);
  }
  const r = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

#!/usr/bin/env node
// Launcher. In the repository (host/cli/main.ts is there) it runs the TypeScript CLI on a Node that strips
// types (>= 22.18 / 23.6); installed from the package (no .ts sources, dist/ instead) it runs the compiled CLI
// on Node >= 22.2. On an older Node (a system Node 20) it re-runs itself on the Node 24
// of the npm "node" package, a dependency: resolved from here as Node resolves any package, so wherever npm put
// it (hoisted into the consumer's node_modules or nested under backproof's). Under `npx`, node_modules/.bin is
// first on PATH and its `node` is that Node 24 already, so the shebang picks it and nothing is re-run.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rerunWithMallocThreshold } from './malloc-threshold.js';

const source = new URL('../host/cli/main.ts', import.meta.url);
const entry = existsSync(source) ? source : new URL('../dist/host/cli/main.js', import.meta.url);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
// 22.2: WebAssembly multi-memory (22) and zlib.crc32 (22.2); the .ts sources also need type stripping.
const canRun = (major > 22 || (major === 22 && minor >= 2)) && (entry !== source || Boolean(process.features.typescript));

/** The Node binary of the npm "node" package (its package.json names it: bin/node, or bin/node.exe on Windows). */
function bundledNode() {
  try {
    const manifest = createRequire(import.meta.url).resolve('node/package.json');
    const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin?.node ?? 'bin/node';
    const file = path.join(path.dirname(manifest), bin);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Backproof's cache folder, by the rule of host/build/cache-root.ts (kept equal to it; test/e2e/launcher.test.ts
 * checks both agree): written out here because importing that .ts before the compile cache is on would load
 * Node's TypeScript stripper for it, ~50 ms CPU and ~14 MB RSS on every command.
 */
function cacheRoot(env) {
  if (env.BACKPROOF_CACHE_DIR === 'off') return null;
  if (env.BACKPROOF_CACHE_DIR) return path.resolve(env.BACKPROOF_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache'), 'backproof');
}

if (canRun) {
  // glibc's malloc keeps much of what a finished guest thread freed (in its arenas) unless large blocks are
  // mapped on their own: with blocks from 64 KiB up mmapped, a 10M-bar run peaks ~90 MB lower (a sweep: from
  // 1 MiB up). Only the environment sets that before malloc starts, so the launcher re-runs itself in place once
  // (malloc-threshold.js). `verify` runs no guest (its peak is the same either way, measured): it is not re-run,
  // ~0.04 s sooner.
  rerunWithMallocThreshold(process.argv[2]);
  delete process.env.BACKPROOF_REEXEC; // (it only stops a re-run from re-running again)
  // Node's compile cache (the modules' code, and in the repository their type-stripped text) in Backproof's
  // cache folder, node/: a command starts in ~0.1 s rather than ~0.3. Through the environment, so the guest
  // threads use it too. It changes no result; "off" (BACKPROOF_CACHE_DIR) leaves it off.
  if (!process.env.NODE_COMPILE_CACHE && nodeModule.enableCompileCache) {
    const root = cacheRoot(process.env);
    if (root) {
      process.env.NODE_COMPILE_CACHE = path.join(root, 'node');
      nodeModule.enableCompileCache(process.env.NODE_COMPILE_CACHE);
    }
  }
  // A reader that stops early (`backproof trace … | head`) closes the pipe: stop quietly, as Unix tools do,
  // rather than with Node's unhandled EPIPE stack. Anything else stays an error.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // `backtest --strategy FILE.ts`: the build cache is looked up, and a build the cache does not hold started
  // in its own process, before the CLI's modules load (~0.2-0.5 s), so the build runs meanwhile; the command
  // then takes that build (host/run/strategy.ts).
  if (process.argv[2] === 'backtest') {
    const strategyModule = new URL(`../run/strategy${entry.href.slice(entry.href.lastIndexOf('.'))}`, entry);
    await (await import(strategyModule.href)).prefetchBacktestStrategy(process.argv.slice(2));
  }
  // `verify` runs its own command module (host/cli/verify.ts: the same command and output as through main.ts),
  // which loads verify's modules alone, not every command's: ~60 ms CPU and ~10 MB less a verify.
  const command = process.argv[2] === 'verify' ? new URL(`./verify${entry.href.slice(entry.href.lastIndexOf('.'))}`, entry) : entry;
  const { main, onInterrupt } = await import(command.href);
  // Ctrl-C or a kill: the CLI removes the partial run folder it was writing, then exits 130 (143).
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => onInterrupt(signal));
  process.exitCode = await main(process.argv.slice(2));
  // A command that failed before taking its strategy's build (a usage or data error) does not wait for that
  // build: exiting closes the build process's channel, which ends it, and nothing of it is cached.
  // (stdout and stderr are synchronous for files, pipes and terminals here, so no output is lost.)
  if (process.exitCode !== 0) process.exit();
} else {
  const node = process.env.BACKPROOF_REEXEC ? null : bundledNode();
  if (!node) {
    console.error(`backproof: Node ${process.versions.node} cannot run it and the Node of the npm "node" package was not found; ` +
      `install Node >= ${entry === source ? '22.18' : '22.2'}, or reinstall backproof with install scripts allowed (the "node" package downloads its binary in one)`);
    process.exit(1);
  }
  const child = spawn(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, BACKPROOF_REEXEC: '1' } });
  // A signal sent to this launcher alone (kill -INT <pid>) reaches the CLI it started, which cleans up and exits
  // 130/143; a Ctrl-C at a terminal reaches both, and the launcher waits for the CLI's own exit.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1)));
}

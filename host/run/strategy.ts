/**
 * @module run/strategy
 * Turns what the user named (an AssemblyScript file or a built .wasm) into a StrategyArtifact, with
 * the lockfile of the project it sits in (build/project) for the toolchain link. A .ts is built
 * through the build cache (build/cache): an unchanged strategy is not compiled again, and what the
 * cache gives is byte for byte what asc gives. verify --rebuild never reads the cache (inspect/verify
 * calls asc itself). A build the cache does not hold runs in a process of its own (build/isolated; the
 * build server an earlier command left, build/build-server, when there is one): AssemblyScript and
 * Binaryen leave ~150 MB behind them, which this process then never holds, Binaryen runs faster there
 * (V8 options of its own), and the caller's thread is free meanwhile (backtest reads the data).
 */
import { readFile } from 'node:fs/promises';
import { ASC_FLAGS, type BuildResult } from '../build/asc.ts';
import { buildServed } from '../build/build-server.ts';

export { startPendingServer } from '../build/build-server.ts';
import { cachedBuild, cacheRoot, toolchain } from '../build/cache.ts';
import { projectLock } from '../build/project.ts';
import { SandboxError, UsageError } from '../errors.ts';
import type { StrategyArtifact } from './execute.ts';
import { backproofVersion } from './version.ts';

/**
 * buildStrategy in a process of its own (the build server an earlier command left, else a new one:
 * build/build-server), `started` told once it is asked; the files it read are told to `onRead` here.
 */
async function buildApart(file: string, onRead: (file: string, text: string | null) => void, started?: () => void): Promise<BuildResult> {
  const building = buildServed(file, ASC_FLAGS, toolchain(backproofVersion(), ASC_FLAGS));
  started?.();
  const { build, reads } = await building;
  for (const [f, text] of reads) onRead(f, text);
  return build;
}

/** Strategies whose loading started ahead of the loadStrategy call that takes it (prefetchBacktestStrategy), by file as named. */
const ahead = new Map<string, { artifact: Promise<StrategyArtifact>; started: Promise<void> }>();

/**
 * The `--strategy` of `backproof backtest` arguments when it names an AssemblyScript source (the last
 * one given, as the CLI reads it; none after `--`, none with --help), else null.
 */
export function backtestStrategyArg(args: readonly string[]): string | null {
  if (args[0] !== 'backtest') return null;
  let strategy: string | null = null;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--help' || a === '-h') return null;
    if (a === '--strategy' && i + 1 < args.length) strategy = args[++i]!;
    else if (a.startsWith('--strategy=')) strategy = a.slice('--strategy='.length);
  }
  return strategy !== null && strategy.endsWith('.ts') ? strategy : null;
}

/**
 * Starts loading the strategy of `backproof backtest` arguments, if they name a source, ahead of the
 * command: bin/backproof.js calls it before it loads the CLI's modules, and waits for what it returns
 * (the build cache's answer, or a build started in its process), so the build runs while they load.
 * The command's loadStrategy of that file takes it (what it gives is what loadStrategy would: it is
 * loadStrategy, started earlier).
 */
export async function prefetchBacktestStrategy(args: readonly string[]): Promise<void> {
  const file = backtestStrategyArg(args);
  if (file === null || ahead.has(file)) return;
  let started = (): void => {};
  const buildStarted = new Promise<void>((resolve) => (started = resolve));
  const artifact = load(file, started);
  ahead.set(file, { artifact, started: buildStarted });
  await Promise.race([buildStarted, artifact.then(() => {}, () => {})]); // (its error is the command's, when it takes it)
}

/**
 * The strategy `file` as an artifact. `buildStarted` is told when a build the cache does not hold
 * has started in its process: a caller with other work (backtest reads the data) waits for that, or
 * for the result, before doing it, so that both go on at once.
 */
export async function loadStrategy(file: string, buildStarted?: () => void): Promise<StrategyArtifact> {
  const early = ahead.get(file);
  if (early === undefined) return load(file, buildStarted);
  ahead.delete(file);
  void early.started.then(() => buildStarted?.());
  return early.artifact;
}

/**
 * A module `backproof build` stamped with what built it (component/stamp) runs only under that toolchain:
 * the run's toolchain link would say otherwise, and verify fails such a record (docs/WIT.md, "Provenance").
 * A UsageError naming `file` and each difference; serve's upload makes the same check (serve/service).
 */
export async function stampChecked(file: string, artifact: StrategyArtifact): Promise<StrategyArtifact> {
  // (imported for a .wasm only: a .ts's path, which bin/backproof.js starts before the CLI loads, stays as lean)
  const { provenanceOf, stampDisagreements } = await import('../component/stamp.ts');
  let stamp: ReturnType<typeof provenanceOf>;
  try {
    stamp = provenanceOf(artifact.wasm); // the one strict reader of the producers section (sandbox/instrument/producers)
  } catch (e) {
    if (e instanceof SandboxError) throw new SandboxError(e.code, `${file}: ${e.message}`, { cause: e });
    throw e;
  }
  const differences = stamp ? stampDisagreements(stamp, (await import('./toolchain.ts')).toolchainMessage(), []) : [];
  if (differences.length > 0)
    throw new UsageError('USAGE', `${file} was built by another toolchain (its provenance stamp says ${differences.join('; ')}, of this installation): its run's record would contradict the module and fail verify; rebuild it here with backproof build`);
  return artifact;
}

async function load(file: string, buildStarted?: () => void): Promise<StrategyArtifact> {
  if (file.endsWith('.wasm')) {
    let artifact: StrategyArtifact;
    try {
      const wasm = new Uint8Array(await readFile(file));
      const sourceMap = await (await import('./source-map.ts')).boundMapBeside(file, wasm);
      artifact = { wasm, sources: [], ...(sourceMap !== undefined ? { sourceMap } : {}), lock: projectLock(file) };
    } catch (e) {
      throw new UsageError('USAGE', `cannot read strategy module ${file}: ${(e as NodeJS.ErrnoException).code}`, { cause: e });
    }
    return stampChecked(file, artifact);
  }
  if (!file.endsWith('.ts')) throw new UsageError('USAGE', `--strategy must be an AssemblyScript .ts file or a .wasm module, got ${file}`);
  // What the sandbox would refuse fails here, as at `backproof build` (exit 6, with a hint); only a build that passes is cached.
  // The check loads the sandbox and the trace (~0.1 s CPU on this thread: Node loads a module graph on the
  // thread that imports it): on a miss it is imported once the build's process is started, so that the
  // process starts first and the import runs while it builds; on a hit, when the cached build is checked.
  let check: Promise<typeof import('../build/check.ts')> | undefined;
  const loadCheck = (): Promise<typeof import('../build/check.ts')> => (check ??= import('../build/check.ts'));
  const spawned = (): void => {
    loadCheck().catch(() => {}); // (its error, if any, is the check's, below)
    buildStarted?.();
  };
  const built = await cachedBuild(cacheRoot(), file, backproofVersion(), ASC_FLAGS, (onRead) => buildApart(file, onRead, spawned), async (b) => (await loadCheck()).checkBuild(b));
  return { wasm: built.wasm, sources: built.sources, ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}), lock: projectLock(file) };
}

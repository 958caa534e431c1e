// Runs of the example strategies under an --isolation, reduced to what must not depend on it (the
// trace root and leaves, result and record bytes, counts, snapshots) or to the error a failing run
// gives (class, code, message, site): the runtime suites compare each isolation with v8 through these.
import { executeRun, loadData, loadStrategy, type LoadedData, type RunConfig, type StrategyArtifact } from '../../host/index.ts';
import type { Isolation } from '../../host/sandbox/index.ts';
import { toHex } from '../../traces/index.ts';

export const EXAMPLES = ['sma-cross', 'sma-cross-unit', 'ema-cross', 'rsi-reversion', 'bollinger-breakout', 'donchian-turtle', 'pairs'];

export interface Examples {
  strategies: Map<string, StrategyArtifact>;
  /** GOOG, or GOOG and ORCL for the pairs trade. */
  dataOf(name: string): LoadedData | LoadedData[];
}

/** Every example built by the real asc, and the data they run on. */
export async function loadExamples(): Promise<Examples> {
  const goog = await loadData('data/GOOG.csv');
  const orcl = await loadData('test/data/orcl-1995-2014.txt');
  const strategies = new Map<string, StrategyArtifact>();
  for (const name of EXAMPLES) strategies.set(name, await loadStrategy(`strategies-as/${name}.ts`));
  return { strategies, dataOf: (name) => (name === 'pairs' ? [goog, orcl] : goog) };
}

export function fingerprint(examples: Examples, name: string, config: RunConfig, isolation: Isolation) {
  const o = executeRun({ strategy: examples.strategies.get(name)!, data: examples.dataOf(name), config, isolation });
  return {
    root: toHex(o.trace.root), leaves: o.trace.leafHashes.map(toHex), bytes: o.trace.byteLength,
    resultBytes: Buffer.from(o.resultBytes).toString('base64'), record: Buffer.from(o.recordBytes).toString('base64'),
    instructions: o.instructions, fuelUsed: o.fuelUsed, snapshots: o.snapshots.map((s) => [s.bar, toHex(s.hash)]),
  };
}

export function failure(examples: Examples, name: string, config: RunConfig, isolation: Isolation) {
  try {
    executeRun({ strategy: examples.strategies.get(name)!, data: examples.dataOf(name), config, isolation });
  } catch (e) {
    return { error: e, shape: { class: (e as Error).constructor.name, code: (e as { code?: string }).code, message: (e as Error).message, site: (e as { site?: unknown }).site } };
  }
  throw new Error(`${name} did not fail under ${isolation}`);
}

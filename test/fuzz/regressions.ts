// Saved failing cases: one JSON file per failure in test/fuzz/regressions/, written by scripts/fuzz.ts
// and replayed by test/fuzz/*.test.ts through fast-check's seed and path (the shrunk case exactly).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fuzz/regressions, or the folder BACKPROOF_FUZZ_REGRESSIONS names (the script's own test saves there). */
export const REGRESSIONS = process.env.BACKPROOF_FUZZ_REGRESSIONS || path.join(path.dirname(fileURLToPath(import.meta.url)), 'regressions');

export interface Regression {
  /** The FuzzProperty's name. */
  property: string;
  seed: number;
  /** fast-check's counterexample path: with the seed, it replays the shrunk case alone. */
  path: string;
  /** The shrunk case as fast-check prints it (for a reader; the replay uses seed and path). */
  counterexample: string;
  /** The first line of what the property threw. */
  error: string;
  /** Why it failed, once understood, and the commit that fixed it (edited by hand). */
  note?: string;
}

/** The saved cases of property `name`, with their file names, in file-name order. */
export function regressionsOf(name: string): { file: string; regression: Regression }[] {
  let files: string[];
  try {
    files = readdirSync(REGRESSIONS);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, regression: JSON.parse(readFileSync(path.join(REGRESSIONS, file), 'utf8')) as Regression }))
    .filter(({ regression }) => regression.property === name);
}

/** Saves a failing case as test/fuzz/regressions/NAME-SEED.json; returns the file's path. */
export function saveRegression(r: Regression): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const file = path.join(REGRESSIONS, `${r.property}-${r.seed >>> 0}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

// Golden values kept in a JSON file beside their test: read once; with BLESS=1 in the environment a
// test writes the values it got into the file (then review its diff) before comparing.
import { readFileSync, writeFileSync } from 'node:fs';

export function goldenFile<T>(file: string): { golden: T; bless(actual: T): void } {
  return {
    golden: JSON.parse(readFileSync(file, 'utf8')) as T,
    bless(actual: T): void {
      if (process.env.BLESS) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    },
  };
}

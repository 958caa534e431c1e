// The project carries the test data it needs: no test reads outside the repository (a fresh clone has no shared
// folder beside it), and every file in test/data is the byte-for-byte copy its provenance note names.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// The shared folder written with either separator, or built from parts with path.join.
const OUTSIDE = /\.\.[/\\]shared\b|['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/;

/** Files under `root` that mention the shared folder beside the checkout, with the first offending line. */
function readsOutside(root: string): string[] {
  return files(root)
    .filter((f) => !f.startsWith(path.join(root, 'data') + path.sep)) // the data and its provenance note
    .flatMap((f) => {
      const lines = readFileSync(f, 'utf8').split('\n');
      const i = lines.findIndex((l) => OUTSIDE.test(l));
      return i < 0 ? [] : [`${f}:${i + 1}`];
    });
}

describe('test data', () => {
  it("no file under test/ mentions the shared folder beside the checkout", () => {
    expect(readsOutside('test')).toEqual([]);
  });

  it('the check catches each spelling', () => {
    // Written with UP for '..' and DATA for 'data' so that this file passes its own check (and a plain grep for it).
    const real = (l: string) => l.replace('UP', '..').replace('DATA', 'data');
    const bad = ["loadData('UP/shared/DATA/x.csv')", 'const D = `UP\\shared\\DATA`;', "path.join('UP', 'shared', 'data')"].map(real);
    for (const line of bad) expect(OUTSIDE.test(line), line).toBe(true);
    for (const line of ["loadData('test/data/x.csv')", '// shared by the sandbox tests', "'UP/sharedlib'"].map(real)) expect(OUTSIDE.test(line), line).toBe(false);
  });

  it('every file in test/data is listed in PROVENANCE.md and has the SHA-256 listed there', () => {
    const listed = new Map<string, string>();
    for (const m of readFileSync('test/data/PROVENANCE.md', 'utf8').matchAll(/^\| (\S+) \| `([0-9a-f]{64})` \|/gm)) listed.set(m[1]!, m[2]!);
    const present = files('test/data').map((f) => path.relative('test/data', f).split(path.sep).join('/')).filter((f) => f !== 'PROVENANCE.md' && f !== '.gitattributes');
    expect(present.sort()).toEqual([...listed.keys()].sort());
    for (const f of present) expect(createHash('sha256').update(readFileSync(path.join('test/data', f))).digest('hex'), f).toBe(listed.get(f));
  });
});

// Folders depend one way (docs/ARCHITECTURE.md). This test reads every import and enforces it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) out.push(path.normalize(path.join(path.dirname(file), m[1]!)));
  return out;
}

/** Which top-level areas each area may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  'traces': [],
  // The ABI's numeric constants, shared by the guest SDK and the host (written in the subset of TS both compile).
  'guest-sdk/constants.ts': [],
  'host/model': [],
  'host/errors.ts': [],
  'host/log.ts': [],
  // Where the package's own files are (repository or installed layout).
  'host/paths.ts': [],
  // One file of a cache under the cache folder (build/'s and audit/'s caches share its layout).
  'host/cache-entry.ts': [],
  'host/data': ['host/model', 'host/errors.ts'],
  'host/engine': ['host/model', 'host/errors.ts', 'guest-sdk/constants.ts'],
  'host/build': ['host/errors.ts', 'host/paths.ts', 'host/cache-entry.ts', 'host/sandbox'],
  // host/paths.ts: the process runtime finds its child's entry module (sandbox/process/spawn).
  'host/sandbox': ['host/model', 'host/errors.ts', 'host/paths.ts', 'traces', 'host/engine/ports.ts', 'guest-sdk/constants.ts'],
  'host/audit': ['host/model', 'host/errors.ts', 'host/paths.ts', 'host/cache-entry.ts', 'traces'],
  'host/tlog': ['host/errors.ts', 'host/audit', 'traces'],
  // The HTML report reads run folders: the record and result (audit), the bars (data) and their order (engine); never run/ or inspect/.
  'host/report': ['host/model', 'host/errors.ts', 'host/audit', 'host/data', 'host/engine', 'traces'],
  'host/run': ['host/model', 'host/errors.ts', 'host/paths.ts', 'host/log.ts', 'host/data', 'host/engine', 'host/build', 'host/sandbox', 'host/component', 'host/audit', 'host/tlog', 'host/report', 'traces'],
  // The strategy contract as WIT (guest-sdk/strategy.wit): a module renamed and componentized with jco, its WAT, its provenance stamp.
  'host/component': ['host/errors.ts', 'host/paths.ts', 'host/sandbox'],
  'host/inspect': ['host/model', 'host/errors.ts', 'host/paths.ts', 'host/log.ts', 'host/data', 'host/engine', 'host/build', 'host/sandbox', 'host/component', 'host/audit', 'host/tlog', 'host/run', 'host/report', 'traces'],
  // The determinism checker: the same run made several ways (run/), its first difference found by inspect/divergence.
  'host/check': ['host/model', 'host/errors.ts', 'host/paths.ts', 'host/data', 'host/run', 'host/inspect', 'traces'],
  // The one-line backtest() and verify() of the package root: a run, then reading it.
  'host/api.ts': ['host/model', 'host/errors.ts', 'host/log.ts', 'host/data', 'host/engine', 'host/audit', 'host/run', 'host/inspect', 'traces'],
  // Parameter sweeps: each combination a run (run/), its folder verified (inspect/), the record signed (audit/), the page (report/).
  'host/sweep': ['host/model', 'host/errors.ts', 'host/paths.ts', 'host/data', 'host/engine/progress.ts', 'host/audit', 'host/run', 'host/inspect', 'host/report', 'traces'],
  // Distributed sweeps (BullMQ over Redis, the content-addressed store): runs each combination through host/sweep.
  'host/distributed': ['host/model', 'host/errors.ts', 'host/paths.ts', 'host/log.ts', 'host/data', 'host/audit', 'host/run', 'host/sweep', 'traces'],
  // Walk-forward: each window a sweep (host/sweep) on a data window (data/), its equity read from result.pb (audit/).
  'host/walk-forward': ['host/model', 'host/errors.ts', 'host/data', 'host/engine/progress.ts', 'host/audit', 'host/run', 'host/inspect', 'host/report', 'host/sweep', 'traces'],
  // The strategy registry server (backproof serve): signed uploads (audit/), built (run/strategy) and checked (sandbox/), runs through api.ts's backtest().
  'host/serve': ['host/errors.ts', 'host/api.ts', 'host/audit', 'host/data', 'host/run', 'host/sandbox', 'host/tlog', 'traces'],
  'host/index.ts': ['host'],
  // The CLI goes through the host's public face, and through one per-concern entry: inspect/index.ts, all that
  // `verify` needs, so its command module (cli/verify, with cli/dispatch, args and progress) loads verify's
  // modules alone, not every command's (~60 ms CPU and ~10 MB a verify: docs/ARCHITECTURE.md, Imports).
  'host/cli': ['host/index.ts', 'host/inspect/index.ts', 'traces'],
};

const areaOf = (p: string): string | undefined =>
  Object.keys(ALLOWED).filter((a) => p === a || p.startsWith(a + '/')).sort((a, b) => b.length - a.length)[0];

function violations(file: string, targets: string[]): string[] {
  const out: string[] = [];
  const from = areaOf(file);
  if (!from) return [`${file} belongs to no area`];
  for (const target of targets) {
    if (target.startsWith('test')) out.push(`${file} imports test code ${target}`);
    const to = areaOf(target);
    if (to === from) continue;
    if (!ALLOWED[from]!.some((a) => target === a || target.startsWith(a + '/') || to === a)) out.push(`${file} → ${target}`);
  }
  return out;
}

describe('architecture', () => {
  it('imports go one way', () => {
    expect([...files('host'), ...files('traces')].flatMap((f) => violations(f, imports(f)))).toEqual([]);
  });

  it('the ABI constants are one file both asc and Node read the same way: integer constants only', () => {
    const lines = readFileSync('guest-sdk/constants.ts', 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('//') && !l.startsWith('/**'));
    expect(lines.filter((l) => !/^export const [A-Z_]+ = \d+;$/.test(l))).toEqual([]);
    expect(lines.length).toBeGreaterThan(10);
  });

  it('no import cycles between modules (a cycle makes load order, and so behaviour, depend on who is imported first)', () => {
    const all = [...files('host'), ...files('traces')];
    const graph = new Map(all.map((f) => [f, imports(f).filter((t) => t.endsWith('.ts'))]));
    const cycles: string[] = [];
    const state = new Map<string, 1 | 2>();
    const visit = (f: string, stack: string[]): void => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) { cycles.push([...stack.slice(stack.indexOf(f)), f].join(' → ')); return; }
      state.set(f, 1);
      for (const t of graph.get(f) ?? []) visit(t, [...stack, f]);
      state.set(f, 2);
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('the rule catches a backwards import', () => {
    expect(violations('traces/merkle.ts', ['host/errors.ts'])).toEqual(['traces/merkle.ts → host/errors.ts']);
    expect(violations('host/engine/broker.ts', ['host/sandbox/index.ts'])).toHaveLength(1);
    expect(violations('host/cli/main.ts', ['host/run/execute.ts'])).toHaveLength(1);
    expect(violations('host/cli/verify.ts', ['host/inspect/index.ts'])).toEqual([]);
    expect(violations('host/cli/verify.ts', ['host/inspect/verify.ts'])).toHaveLength(1);
    expect(violations('host/cli/verify.ts', ['host/errors.ts'])).toHaveLength(1);
    expect(violations('host/report/read.ts', ['host/inspect/opened-record.ts'])).toHaveLength(1);
  });
});

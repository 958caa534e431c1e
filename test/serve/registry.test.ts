// The registry folder on its own: an index that many writers at once (processes, not only requests of one
// server) change without losing an entry, files renamed into place, and the pinning rules of resolve().
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from '../../host/serve/registry.ts';
import type { Envelope } from '../../host/audit/dsse.ts';

const ENVELOPE: Envelope = { payloadType: 'application/vnd.in-toto+json', payload: '', signatures: [{ keyid: 'k', sig: '' }] };
const HASH = (i: number): string => i.toString(16).padStart(64, '0');

/** A process that registers `count` versions of `name` into the registry at `dir`, one index update each. */
function writer(dir: string, name: string, count: number): Promise<number | null> {
  const script = `
    const { Registry } = await import(${JSON.stringify(path.resolve('host/serve/registry.ts'))});
    const r = new Registry(${JSON.stringify(dir)});
    for (let i = 0; i < ${count}; i++)
      r.register({ name: ${JSON.stringify(name)}, version: String(i), kind: 'wasm', signer: 's' }, ${JSON.stringify(HASH(1))}, ${JSON.stringify(ENVELOPE)});
  `;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) => resolve(code));
  });
}

describe('registry folder', () => {
  it('keeps every version that four processes register at once into one index', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-registry-'));
    try {
      const names = ['a', 'b', 'c', 'd'];
      expect(await Promise.all(names.map((n) => writer(dir, n, 25)))).toEqual([0, 0, 0, 0]);
      const r = new Registry(dir);
      expect(r.list().map((s) => [s.name, s.versions.length, s.current?.version])).toEqual(names.map((n) => [n, 25, '24']));
      const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
      expect(index.seq).toBe(100);
      // nothing left aside: every temporary file was renamed into place
      expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves a name to its current module at that moment; by hash while any version of it is not retired', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-registry-'));
    try {
      const r = new Registry(dir);
      const reg = (name: string, version: string, hash: string) => r.register({ name, version, kind: 'wasm', signer: 's' }, hash, ENVELOPE);
      reg('x', '1', HASH(1));
      reg('x', '2', HASH(2));
      reg('y', '1', HASH(2));
      expect(r.resolve({ strategy: 'x' })).toEqual({ module: HASH(2), strategy: { name: 'x', version: '2' } });
      expect(r.resolve({ strategy: 'x', version: '1' })).toEqual({ module: HASH(1), strategy: { name: 'x', version: '1' } });
      r.retire('x', '2');
      expect(r.strategy('x').current).toEqual({ version: '1', module: HASH(1) });
      expect(r.resolve({ module: HASH(2) })).toEqual({ module: HASH(2), strategy: null }); // y@1 still registers it
      r.retire('y', '1');
      expect(() => r.resolve({ module: HASH(2) })).toThrow(expect.objectContaining({ code: 'RETIRED', status: 410 }));
      expect(() => r.resolve({ module: HASH(3) })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(() => r.resolve({ module: 'ABC' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
      expect(() => reg('x', '1', HASH(3))).toThrow(expect.objectContaining({ code: 'CONFLICT', status: 409 }));
      expect(() => r.strategy('__proto__')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      // names that Object.prototype has are names like any other
      expect(() => r.strategy('constructor')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(reg('constructor', '1', HASH(5)).strategy.current).toEqual({ version: '1', module: HASH(5) });
      expect(reg('toString', '1', HASH(5)).created).toBe(true);
      expect(r.resolve({ strategy: 'constructor' }).module).toBe(HASH(5));
      // a folder whose index.json is not a registry's is refused at start, as a usage error
      const other = mkdtempSync(path.join(tmpdir(), 'backproof-registry-'));
      writeFileSync(path.join(other, 'index.json'), '{"format": "something else"}');
      expect(() => new Registry(other)).toThrow(expect.objectContaining({ name: 'UsageError', code: 'USAGE' }));
      rmSync(other, { recursive: true, force: true });
      // the index's names are written sorted, whatever the order of uploads
      reg('a', '1', HASH(4));
      expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')).strategies)).toEqual(['a', 'constructor', 'toString', 'x', 'y']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

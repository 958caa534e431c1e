// The run id is the hash of the whole config link (plus the module and the data): every setting
// that can change a result changes it. The settings are enumerated from DEFAULT_CONFIG, so a new
// one is covered (or this test fails) without anyone remembering to add it here.
import { describe, expect, it } from 'vitest';
import { runIdOf } from '../../host/audit/record.ts';
import { configMessage, DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { uint64 } from '../../host/audit/codec.ts';

const wasm = new Uint8Array(32).fill(4);
const file = { path: 'data/GOOG.csv', sha256: new Uint8Array(32).fill(6), size: uint64(97833), bars: uint64(2148), symbol: 'GOOG' };
const idOf = (c: RunConfig, f: Record<string, unknown> = file): string => runIdOf(wasm, { files: [f] }, configMessage(c));

/** Another valid value of the same kind. */
function varied(v: unknown): unknown {
  if (typeof v === 'number') return v === 0 ? 1 : v * 2;
  if (typeof v === 'bigint') return v + 1n;
  if (v === 'full') return 'off';
  if (v === 'open') return 'close';
  if (v === 'stop-first') return 'target-first';
  throw new Error(`no variation for ${String(v)}`);
}

describe('run id', () => {
  it('changes with every config setting, every broker setting and every param', () => {
    const base = idOf(DEFAULT_CONFIG);
    const seen = new Set([base]);
    for (const [k, v] of Object.entries(DEFAULT_CONFIG)) {
      if (k === 'broker' || k === 'params') continue;
      const id = idOf({ ...DEFAULT_CONFIG, [k]: varied(v) } as RunConfig);
      expect(seen.has(id), k).toBe(false);
      seen.add(id);
    }
    for (const [k, v] of Object.entries(DEFAULT_CONFIG.broker)) {
      const id = idOf({ ...DEFAULT_CONFIG, broker: { ...DEFAULT_CONFIG.broker, [k]: varied(v) } });
      expect(seen.has(id), `broker.${k}`).toBe(false);
      seen.add(id);
    }
    for (const params of [{ fast: 10 }, { fast: 11 }, { slow: 10 }] as Record<string, number>[]) {
      const id = idOf({ ...DEFAULT_CONFIG, params });
      expect(seen.has(id), JSON.stringify(params)).toBe(false);
      seen.add(id);
    }
    // The two outside testers found: same id before, different now.
    expect(idOf({ ...DEFAULT_CONFIG, broker: { ...DEFAULT_CONFIG.broker, slippageBps: 50 } })).not.toBe(base);
    expect(idOf({ ...DEFAULT_CONFIG, broker: { ...DEFAULT_CONFIG.broker, margin: 0.5 } })).not.toBe(base);
  });

  it('changes with the data and how it is read, not with where the file sits or its bar count', () => {
    const base = idOf(DEFAULT_CONFIG);
    for (const change of [{ sha256: new Uint8Array(32).fill(7) }, { timezone: 'America/New_York' }, { dateFormat: 'dmy' }, { duplicates: 'keep' }, { symbol: 'X' }])
      expect(idOf(DEFAULT_CONFIG, { ...file, ...change }), JSON.stringify(Object.keys(change))).not.toBe(base);
    expect(idOf(DEFAULT_CONFIG, { ...file, path: '/elsewhere/GOOG.csv', bars: uint64(0) })).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });
});

/**
 * @module distributed/bundle
 * A sweep's inputs in the store, as the coordinator puts them and a worker gets them back: the plan
 * (sweep.json's bytes, which name the module and data by hash) and the strategy bundle — what a run
 * records of the strategy besides the module's bytes: its sources' texts and hashes (raw and normalized),
 * asc's source map and the project's lockfile (the toolchain link). Every object is fetched by hash and
 * checked (distributed/store), then checked again against the plan. Encoding: docs/DEPLOY.md, "The store".
 */
import { AuditError } from '../errors.ts';
import type { StrategyArtifact } from '../run/execute.ts';
import { fromHex, toHex } from '../../traces/index.ts';
import type { ArtifactStore } from './store.ts';

export const STRATEGY_BUNDLE_FORMAT = 'backproof-strategy-bundle@1';

/** The strategy bundle object (canonical JSON: `JSON.stringify(bundle, null, 2) + "\n"`, keys in this order). */
export interface StrategyBundle {
  format: typeof STRATEGY_BUNDLE_FORMAT;
  wasm: string;
  sources: { path: string; text: string; sha256: string; normalizedSha256: string }[];
  sourceMap: string | null;
  lock: { lockfile: string; lockfileSha256: string; installedBackproof: string; installedIntegrity: string; bytes: string | null };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Puts the strategy's module, source texts, source map and lockfile, then the bundle naming them; returns the bundle's hash. */
export async function putStrategy(store: ArtifactStore, s: StrategyArtifact): Promise<string> {
  const bundle: StrategyBundle = {
    format: STRATEGY_BUNDLE_FORMAT,
    wasm: await store.put(s.wasm),
    sources: [],
    sourceMap: s.sourceMap === undefined ? null : await store.put(utf8(s.sourceMap)),
    lock: {
      lockfile: s.lock?.lockfile ?? 'absent',
      lockfileSha256: toHex(s.lock?.lockfileSha256 ?? new Uint8Array(0)),
      installedBackproof: s.lock?.installedBackproof ?? '',
      installedIntegrity: s.lock?.installedIntegrity ?? '',
      bytes: s.lock?.bytes ? await store.put(s.lock.bytes) : null,
    },
  };
  for (const src of s.sources) bundle.sources.push({ path: src.path, text: await store.put(utf8(src.text)), sha256: src.sha256, normalizedSha256: src.normalizedSha256 });
  return store.put(utf8(JSON.stringify(bundle, null, 2) + '\n'));
}

/** The strategy artifact named by a bundle's hash, every object fetched by hash and checked; `wasmSha256` is the plan's. */
export async function getStrategy(store: ArtifactStore, bundleSha256: string, wasmSha256: string): Promise<StrategyArtifact> {
  const bad = (what: string): never => {
    throw new AuditError('VERIFY_FAILED', 'store', `strategy bundle ${bundleSha256}: ${what}`);
  };
  let b: StrategyBundle;
  try {
    b = JSON.parse(new TextDecoder().decode(await store.get(bundleSha256))) as StrategyBundle;
  } catch (e) {
    if (e instanceof AuditError) throw e;
    return bad('not JSON');
  }
  if (b?.format !== STRATEGY_BUNDLE_FORMAT || !Array.isArray(b.sources) || typeof b.lock !== 'object' || b.lock === null) return bad(`not a ${STRATEGY_BUNDLE_FORMAT}`);
  if (b.wasm !== wasmSha256) bad(`its module is ${b.wasm}, the plan's ${wasmSha256}`);
  const text = async (hash: string): Promise<string> => new TextDecoder('utf-8', { fatal: true }).decode(await store.get(hash));
  const sources = [];
  for (const s of b.sources) sources.push({ path: String(s.path), text: await text(s.text), sha256: String(s.sha256), normalizedSha256: String(s.normalizedSha256) });
  const lockBytes = b.lock.bytes === null ? undefined : await store.get(b.lock.bytes);
  return {
    wasm: await store.get(b.wasm),
    sources,
    ...(b.sourceMap === null ? {} : { sourceMap: await text(b.sourceMap) }),
    lock: {
      lockfile: String(b.lock.lockfile),
      lockfileSha256: fromHex(String(b.lock.lockfileSha256)),
      installedBackproof: String(b.lock.installedBackproof),
      installedIntegrity: String(b.lock.installedIntegrity),
      ...(lockBytes ? { bytes: lockBytes } : {}),
    },
  };
}

/**
 * @module run/toolchain
 * The toolchain link: what built and ran the strategy — the lockfile's hash, the versions of Node,
 * AssemblyScript, the instrumenter and Backproof, asc's flags and a hash of the guest SDK. Read once
 * per process. Replay refuses to run under a toolchain that differs (`toolchainDifferences`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ascVersion, ASC_FLAGS } from '../build/asc.ts';
import { INSTRUMENTER_VERSION } from '../sandbox/index.ts';
import { toHex } from '../../traces/index.ts';
import { packageFile as projectFile } from '../paths.ts';

let cached: Record<string, unknown> | null = null;

export function backproofVersion(): string {
  return (JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string }).version;
}

export function lockfileSha256(): Uint8Array {
  try {
    return new Uint8Array(createHash('sha256').update(readFileSync(projectFile('package-lock.json'))).digest());
  } catch {
    return new Uint8Array(32); // no lockfile: recorded as 32 zero bytes
  }
}

/**
 * "sha256:" + hex SHA-256 over the guest SDK's .ts files in byte order of their names, each as
 * name, 0x00, SHA-256(content): it names the exact SDK a strategy was written against.
 */
export function sdkDigest(): string {
  const dir = projectFile('guest-sdk/');
  const h = createHash('sha256');
  const names = readdirSync(dir).filter((n) => n.endsWith('.ts')).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const n of names) h.update(n).update(new Uint8Array(1)).update(createHash('sha256').update(readFileSync(new URL(n, dir))).digest());
  return `sha256:${h.digest('hex')}`;
}

export function toolchainMessage(): Record<string, unknown> {
  cached ??= {
    lockfileSha256: lockfileSha256(),
    node: process.version,
    assemblyscript: ascVersion(),
    instrumenter: INSTRUMENTER_VERSION,
    backproof: backproofVersion(),
    ascFlags: [...ASC_FLAGS],
    sdk: sdkDigest(),
  };
  return cached;
}

const show = (v: unknown): string => (v instanceof Uint8Array ? toHex(v) : Array.isArray(v) ? v.join(' ') : String(v ?? ''));

/** Each field where `current` differs from `recorded`, as "field: recorded X, here Y" (empty: same toolchain). */
export function toolchainDifferences(recorded: Record<string, unknown>, current: Record<string, unknown> = toolchainMessage()): string[] {
  const fields = ['lockfileSha256', 'node', 'assemblyscript', 'instrumenter', 'backproof', 'ascFlags', 'sdk'];
  return fields.filter((f) => show(recorded[f]) !== show(current[f])).map((f) => `${f}: recorded ${show(recorded[f]) || '(none)'}, here ${show(current[f])}`);
}

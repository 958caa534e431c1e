/**
 * @module run/toolchain
 * The toolchain link: what built and ran the strategy. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ascVersion, ASC_FLAGS } from '../build/asc.ts';
import { INSTRUMENTER_VERSION } from '../sandbox/index.ts';

const projectFile = (name: string): URL => new URL(`../../${name}`, import.meta.url);

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

export function toolchainMessage(): Record<string, unknown> {
  cached ??= {
    lockfileSha256: lockfileSha256(),
    node: process.version,
    assemblyscript: ascVersion(),
    instrumenter: INSTRUMENTER_VERSION,
    backproof: backproofVersion(),
    ascFlags: [...ASC_FLAGS],
  };
  return cached;
}

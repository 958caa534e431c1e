/**
 * @module run/toolchain
 * The toolchain link: what built and ran the strategy — the strategy project's lockfile (its hash and
 * the Backproof it installed, build/project), the versions of Node, AssemblyScript, the instrumenter
 * and the running Backproof, asc's flags and a hash of the guest SDK. The installation's part is read
 * once per process. Replay refuses to run under an installation that differs (`toolchainDifferences`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ascVersion, ASC_FLAGS } from '../build/asc.ts';
import { ABSENT_LOCK, type ProjectLock } from '../build/project.ts';
import { INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, INSTRUMENTER_VERSION, SUPPORTED_INSTRUMENTERS } from '../sandbox/index.ts';
import { toHex } from '../../traces/index.ts';
import { packageFile as projectFile } from '../paths.ts';
import { backproofVersion } from './version.ts';

let cached: Record<string, unknown> | null = null;

export { backproofVersion };

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

/**
 * The toolchain link of a run of a strategy from the project whose lockfile is `lock` (build/project
 * projectLock; a strategy artifact carries it): absent when not given.
 */
export function toolchainMessage(lock: ProjectLock = ABSENT_LOCK): Record<string, unknown> {
  cached ??= {
    node: process.version,
    assemblyscript: ascVersion(),
    instrumenter: INSTRUMENTER_VERSION,
    backproof: backproofVersion(),
    ascFlags: [...ASC_FLAGS],
    sdk: sdkDigest(),
  };
  // the four recorded fields only: the lockfile's bytes go into the run folder, not the record
  const { lockfile, lockfileSha256, installedBackproof, installedIntegrity } = lock;
  return { ...cached, lockfile, lockfileSha256, installedBackproof, installedIntegrity };
}

/**
 * The instrumenter `--trace-format N` names, backproof-instrument/N (7 records format 6's stream from
 * leaner modules; 8 records format 8, a period-2 address predictor); undefined: the default.
 */
export function instrumenterFor(format: 4 | 5 | 6 | 7 | 8 | undefined): string | undefined {
  return format === 8 ? INSTRUMENTER_V8 : format === 7 ? INSTRUMENTER_V7 : format === 6 ? INSTRUMENTER_V6 : format === 5 ? INSTRUMENTER_V5 : format === 4 ? INSTRUMENTER_V4 : undefined;
}

const show = (v: unknown): string => (v instanceof Uint8Array ? toHex(v) : Array.isArray(v) ? v.join(' ') : String(v ?? ''));

/** What runs a guest: replay compares these. The lockfile describes the strategy's project, which a run folder does not hold. */
const EXECUTING = ['node', 'assemblyscript', 'instrumenter', 'backproof', 'ascFlags', 'sdk'] as const;

/**
 * Each field of the running installation that differs from `recorded`, as "field: recorded X, here Y"
 * (empty: same toolchain). An instrumenter this installation still has (SUPPORTED_INSTRUMENTERS) is
 * no difference: re-executions run under the recorded one.
 */
export function toolchainDifferences(recorded: Record<string, unknown>, current: Record<string, unknown> = toolchainMessage()): string[] {
  const same = (f: (typeof EXECUTING)[number]): boolean =>
    show(recorded[f]) === show(current[f]) || (f === 'instrumenter' && SUPPORTED_INSTRUMENTERS.includes(show(recorded[f])));
  return EXECUTING.filter((f) => !same(f)).map((f) => `${f}: recorded ${show(recorded[f]) || '(none)'}, here ${show(current[f])}`);
}

/**
 * Why the recorded toolchain pins no lockfile, or null when it does: record version 3 says "absent";
 * version 2 wrote 32 zero bytes for a missing lockfile (and hashed Backproof's own, not the project's).
 */
export function missingLockfile(recorded: Record<string, unknown>): string | null {
  const sha = recorded.lockfileSha256 as Uint8Array | undefined;
  if (recorded.lockfile === 'absent' || (recorded.lockfile === undefined || recorded.lockfile === '') && (!sha || sha.every((b) => b === 0)))
    return 'the toolchain link records no lockfile (the strategy\'s project had no package-lock.json: none beside its nearest package.json, nor at an npm workspace root listing it): the packages that built and ran the strategy are not pinned';
  return null;
}

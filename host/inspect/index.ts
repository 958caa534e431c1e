/**
 * @module inspect
 * The entry of what `backproof verify` needs, for a CLI command module that loads only it (host/cli/verify.ts
 * and the CLI's shared parts: cli/dispatch, args, progress): verifyRun and what its command reads around it
 * (the errors, the public key, the log's verifier key, the progress counter). Loading it loads verify's modules
 * alone, never the run's (engine, worker, build cache, logger: host/index.ts loads all of them, ~60 ms CPU and
 * ~10 MB more; docs/ARCHITECTURE.md, Imports). verify's own modules (the record's codec, the instrumenter, the
 * renderers: ~0.1 s) load when verifyRun is called, after it started the hashing thread (inspect/hash-start),
 * which then hashes the data file and result.pb meanwhile.
 */
import type { VerifyOptions, VerifyReport } from './verify.ts';
import { startVerifyThread } from './hash-start.ts';
import { singleStandIn } from '../data/stand-in.ts';
export { BackproofError, UsageError, AuditError, EXIT, exitCodeOf } from '../errors.ts';
export type { VerifyOptions, VerifyReport } from './verify.ts';
export { loadPublicKeyRaw } from '../audit/keys.ts';
export { parseVerifierKey } from '../tlog/index.ts';
export { progressCounter, readProgress, type ProgressCounter, type Phase, type PhaseListener } from '../engine/progress.ts';

/** inspect/verify verifyRun, its hashing thread started before its modules load (the renderings are given to it later). */
export async function verifyRun(opts: VerifyOptions): Promise<VerifyReport> {
  const thread = startVerifyThread(opts.dir, singleStandIn(opts.dataPath), opts.resultStream?.above);
  let verify: typeof import('./verify.ts');
  try {
    verify = await import('./verify.ts');
  } catch (e) {
    void thread?.worker.terminate();
    throw e;
  }
  return verify.verifyRun(opts, thread);
}

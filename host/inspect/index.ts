/**
 * @module inspect
 * The entry of what `backproof verify` needs, for a CLI command module that loads only it (host/cli/verify.ts
 * and the CLI's shared parts: cli/dispatch, args, progress): verifyRun and what its command reads around it
 * (the errors, the public key, the log's verifier key, the progress counter). Loading it loads verify's modules
 * alone, never the run's (engine, worker, build cache, logger: host/index.ts loads all of them, ~60 ms CPU and
 * ~10 MB more; docs/ARCHITECTURE.md, Imports).
 */
export { BackproofError, UsageError, AuditError, EXIT, exitCodeOf } from '../errors.ts';
export { verifyRun, type VerifyOptions, type VerifyReport } from './verify.ts';
export { loadPublicKeyRaw } from '../audit/keys.ts';
export { parseVerifierKey } from '../tlog/index.ts';
export { progressCounter, readProgress, type ProgressCounter, type Phase, type PhaseListener } from '../engine/progress.ts';

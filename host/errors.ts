/**
 * @module errors
 * One base error with a string-union `code` and a `cause`; one subclass per layer.
 * Tests assert `code`, never the message. The CLI maps each layer to an exit code.
 */

export type ErrorCode =
  // usage and configuration
  | 'USAGE'
  | 'UNKNOWN_PARAM'
  | 'OUTPUT_EXISTS'
  | 'KEY_ERROR'
  // data
  | 'DATA_NOT_FOUND'
  | 'DATA_MALFORMED'
  | 'DATA_ORDER'
  | 'DATA_EMPTY'
  // build
  | 'BUILD_FAILED'
  // sandbox
  | 'WASM_MALFORMED'
  | 'WASM_UNSUPPORTED'
  | 'IMPORT_NOT_ALLOWED'
  | 'EXPORT_MISSING'
  | 'EXPORT_RESERVED'
  | 'FUEL_EXHAUSTED'
  | 'STACK_EXHAUSTED'
  | 'MODULE_LIMIT'
  | 'WATCHDOG'
  | 'MEMORY_LIMIT'
  | 'GUEST_TRAP'
  | 'GUEST_ABORT'
  // audit
  | 'RECORD_MALFORMED'
  | 'VERIFY_FAILED'
  | 'REPLAY_MISMATCH'
  | 'TOOLCHAIN_MISMATCH'
  | 'PROOF_INVALID'
  | 'LOG_CORRUPT';

export class BackproofError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Bad command line or configuration. */
export class UsageError extends BackproofError {}
/** A data file is missing, malformed or out of order; the message names file, line and field. */
export class DataError extends BackproofError {}
/** `asc` failed to compile a strategy. */
export class BuildError extends BackproofError {}
/** The guest module was rejected, or faulted while running. */
export class SandboxError extends BackproofError {}
/** A record, hash, signature or replay did not check out. */
export class AuditError extends BackproofError {
  /** The broken link or step, e.g. "data", "signature". */
  readonly step: string;
  constructor(code: ErrorCode, step: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.step = step;
  }
}

/** Process exit codes, one per failure class (docs/ARCHITECTURE.md). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  data: 3,
  sandbox: 4,
  verification: 5,
  build: 6,
} as const;

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof DataError) return EXIT.data;
  if (error instanceof SandboxError) return EXIT.sandbox;
  if (error instanceof AuditError) return EXIT.verification;
  if (error instanceof BuildError) return EXIT.build;
  return EXIT.internal;
}

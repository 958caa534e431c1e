/**
 * @module errors
 * One base error with a string-union `code` and a `cause`; one subclass per layer.
 * Tests assert `code`, never the message. The CLI maps each layer to an exit code.
 */

/** Codes of each layer: a layer's error class accepts only its own (the type checker enforces it). */
export type UsageCode = 'USAGE' | 'UNKNOWN_PARAM' | 'OUTPUT_EXISTS' | 'KEY_ERROR';
export type DataCode = 'DATA_NOT_FOUND' | 'DATA_MALFORMED' | 'DATA_ORDER' | 'DATA_EMPTY' | 'DATA_LIMIT';
export type BuildCode = 'BUILD_FAILED';
export type SandboxCode =
  | 'WASM_MALFORMED'
  | 'WASM_UNSUPPORTED'
  | 'IMPORT_NOT_ALLOWED'
  | 'EXPORT_MISSING'
  | 'EXPORT_RESERVED'
  | 'FUEL_EXHAUSTED'
  | 'STACK_EXHAUSTED'
  | 'HOST_LIMIT'
  | 'MODULE_LIMIT'
  | 'WATCHDOG'
  /** The runtime hosting the guest failed under it (sandbox/runtimes: a child process died, a runtime thread crashed). */
  | 'RUNTIME_FAILED'
  | 'MEMORY_LIMIT'
  | 'GUEST_TRAP'
  | 'GUEST_ABORT';
export type AuditCode = 'RECORD_MALFORMED' | 'VERIFY_FAILED' | 'REPLAY_MISMATCH' | 'TOOLCHAIN_MISMATCH' | 'PROOF_INVALID' | 'LOG_CORRUPT';
export type ErrorCode = UsageCode | DataCode | BuildCode | SandboxCode | AuditCode;

/** The one base error: a string-union `code` (tests assert it, never the message) and a `cause`. */
export class BackproofError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly code: Code;
  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Bad command line or configuration. */
export class UsageError extends BackproofError<UsageCode> {}
/** A data file is missing, malformed or out of order; the message names file, line and field. */
export class DataError extends BackproofError<DataCode> {}
/** `asc` failed to compile a strategy. */
export class BuildError extends BackproofError<BuildCode> {}
/** The guest module was rejected, or faulted while running. */
export class SandboxError extends BackproofError<SandboxCode> {}
/** A record, hash, signature or replay did not check out. */
export class AuditError extends BackproofError<AuditCode> {
  /** The broken link or step, e.g. "data", "signature". */
  readonly step: string;
  constructor(code: AuditCode, step: string, message: string, options?: { cause?: unknown }) {
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

/**
 * @module serve/errors
 * The registry's refusals, each a code and the HTTP status it answers with ({error: {code, message}}).
 * A run's own failures (DataError, SandboxError, BuildError, UsageError of host/errors.ts) keep their
 * codes and are answered by the same handler (serve/app: statusOf).
 */

export type RegistryCode =
  /** The request is not what its route takes (a field missing, a name or version out of its pattern). */
  | 'BAD_REQUEST'
  /** The upload carries no signature envelope, or one without signatures. */
  | 'SIGNATURE_MISSING'
  /** A signature names a trusted key but does not verify, or the envelope is malformed: it was altered. */
  | 'SIGNATURE_INVALID'
  /** The signed statement names other bytes than the ones uploaded (the module or source was altered). */
  | 'DIGEST_MISMATCH'
  /** No signature is by a key the server trusts (--trusted-keys). */
  | 'KEY_UNTRUSTED'
  /** The body, module, source or data is over its limit. */
  | 'TOO_LARGE'
  /** No such strategy, version, module or data file. */
  | 'NOT_FOUND'
  /** name@version is registered already with another module. */
  | 'CONFLICT'
  /** The version (or every version of the module) was retired: it is kept, but not run. */
  | 'RETIRED'
  /** As many runs wait already as the server queues (--max-queued): try again later. */
  | 'TOO_MANY_RUNS'
  /** The module's provenance stamp names another toolchain than the server's: no run here could use it. */
  | 'TOOLCHAIN_MISMATCH';

const STATUS: Record<RegistryCode, number> = {
  BAD_REQUEST: 400,
  SIGNATURE_MISSING: 401,
  SIGNATURE_INVALID: 403,
  DIGEST_MISMATCH: 403,
  KEY_UNTRUSTED: 403,
  TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RETIRED: 410,
  TOO_MANY_RUNS: 429,
  TOOLCHAIN_MISMATCH: 422,
};

/** A refusal of the registry: `code` for programs (tests assert it), `message` for people, `status` for HTTP. */
export class RegistryError extends Error {
  readonly code: RegistryCode;
  readonly status: number;
  constructor(code: RegistryCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = STATUS[code];
    this.name = 'RegistryError';
  }
}

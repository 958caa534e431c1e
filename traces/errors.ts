/**
 * @module traces/errors
 * The traces package stands alone (an auditor may use it without the host), so it has its own error.
 */
export type TraceErrorCode = 'BAD_INDEX' | 'BAD_SIZE' | 'BAD_PROOF' | 'ROOT_MISMATCH' | 'BAD_HASH' | 'BAD_TRACE';

export class TraceError extends Error {
  readonly code: TraceErrorCode;
  constructor(code: TraceErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'TraceError';
  }
}

/**
 * @module sandbox/process/protocol
 * The calls each side of the process runtime's channel serves (sandbox/process/channel), and how an
 * error crosses. Shared by the engine's side (sandbox/process/runtime) and the child
 * (sandbox/process/child); imports only what the child may load.
 */
import { BackproofError, SandboxError, UsageError, DataError, BuildError, type ErrorCode } from '../../errors.ts';
import type { ErrorData } from './channel.ts';

/** Calls the engine makes into the child: the GuestSession's methods, then the test hooks. */
export const TO_CHILD = {
  setup: 0, init: 1, onBar: 2, onOrder: 3, onTrade: 4, snapshot: 5, chargeFuel: 6, fuelUsed: 7, instructions: 8,
  finish: 9, memoryBytes: 10, onBarAt: 11, onOrderAt: 12, onTradeAt: 13,
  /** The engine thread's Error.stackTraceLimit, sent when it changes (a fault's site depends on it, as in-process). */
  stackTraceLimit: 14,
  /** Test hooks, served only by a child started with them (ProcessRuntimeOptions.testHooks). */
  probe: 20, hang: 21,
} as const;

/** Calls the child makes back: the guest's imports (sandbox/abi GuestHost), a fault's source position, a trace piece. */
export const TO_ENGINE = {
  position: 0, cash: 1, equity: 2, order: 3, submit: 4, bracket: 5, cancel: 6, modify: 7, symbol: 8, symbols: 9,
  positionOf: 10, orderOn: 11, param: 12, log: 13, symbolName: 14, locate: 15, trace: 16,
} as const;

const CLASSES: Record<string, new (code: never, message: string) => BackproofError> = {
  SandboxError: SandboxError as never, UsageError: UsageError as never, DataError: DataError as never, BuildError: BuildError as never,
};

/**
 * An error as it crosses: a Backproof error by class, code and message (and a guest fault's site);
 * anything else by its message. `ref` is the sender's key for the original (a host error kept by the
 * engine, so the same object is rethrown when the child's answer names it).
 */
export function errorData(e: unknown, ref?: number): ErrorData {
  const data: ErrorData = e instanceof BackproofError
    ? { kind: e.constructor.name, code: e.code, message: e.message }
    : { kind: 'Error', message: e instanceof Error ? e.message : String(e) };
  const cause = (e as { cause?: unknown } | null)?.cause;
  // A trap's cause is V8's RuntimeError (its message says which trap): tests and messages read it.
  if (cause instanceof Error) data.cause = { kind: cause instanceof WebAssembly.RuntimeError ? 'RuntimeError' : 'Error', message: cause.message };
  const site = (e as { site?: unknown } | null)?.site;
  if (site !== undefined) data.site = site;
  const existing = (e as { ref?: unknown } | null)?.ref;
  if (typeof existing === 'number') data.ref = existing;
  if (ref !== undefined) data.ref = ref;
  return data;
}

/** The error a THROW frame describes: the same class and code (an Error for anything not Backproof's), its site and ref kept. */
export function errorOf(data: ErrorData): Error {
  const Cls = CLASSES[data.kind];
  const options = data.cause ? { cause: data.cause.kind === 'RuntimeError' ? new WebAssembly.RuntimeError(data.cause.message) : new Error(data.cause.message) } : undefined;
  const e: Error = Cls && data.code !== undefined ? new (Cls as unknown as new (code: string, message: string, options?: { cause?: unknown }) => Error)(data.code as ErrorCode, data.message, options) : new Error(data.message, options);
  if (data.site !== undefined) (e as { site?: unknown }).site = data.site;
  if (data.ref !== undefined) Object.defineProperty(e, 'ref', { value: data.ref, enumerable: false });
  return e;
}

/**
 * @module log
 * pino loggers: human-readable on a TTY, JSON lines otherwise, silent under tests (VITEST set)
 * unless a level is given. The level is the `level` option, else BACKPROOF_LOG, else info.
 * Logs always go to stderr (fd 2) so that stdout carries results only.
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { PrettyStream } from 'pino-pretty';

export type { Logger };

/** pino's levels, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  /** Default: BACKPROOF_LOG, else silent under vitest, else info. */
  level?: string;
  /** Default: whether stderr is a TTY (in a worker thread it never is: the caller decides). */
  pretty?: boolean;
}

/** stderr's file descriptor, written to directly: in a worker thread `process.stderr` is a pipe to the main thread with no fd, and pino then falls back to fd 1 (stdout). */
const STDERR_FD = 2;

export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? process.env.BACKPROOF_LOG ?? (process.env.VITEST ? 'silent' : 'info');
  if (level === 'silent') return pino({ level: 'silent' });
  // No timestamps: logs must not differ between two identical runs.
  const opts = { level, timestamp: false, base: undefined };
  if (options.pretty ?? Boolean(process.stderr.isTTY)) {
    // Loaded only here: most runs (JSON lines, silent, a guest thread) never need it, and it takes a while to load.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as (o: object) => PrettyStream;
    return pino(opts, prettyStream({ destination: STDERR_FD, sync: true, ignore: 'pid,hostname', colorize: true }));
  }
  return pino(opts, pino.destination({ dest: STDERR_FD, sync: true }));
}

export const silentLogger: Logger = pino({ level: 'silent' });

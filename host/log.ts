/**
 * @module log
 * pino loggers: human-readable on a TTY, JSON lines otherwise, silent under tests
 * (VITEST set) or when BACKPROOF_LOG=silent. BACKPROOF_LOG may also name a level.
 */
import { pino, type Logger } from 'pino';
import prettyStream from 'pino-pretty';

export type { Logger };

export function createLogger(stream: NodeJS.WriteStream = process.stderr, pretty: boolean = Boolean(stream.isTTY)): Logger {
  const env = process.env.BACKPROOF_LOG;
  const level = env ?? (process.env.VITEST ? 'silent' : 'info');
  if (level === 'silent') return pino({ level: 'silent' });
  // No timestamps: logs must not differ between two identical runs.
  const options = { level, timestamp: false, base: undefined };
  if (pretty) return pino(options, prettyStream({ destination: stream, sync: true, ignore: 'pid,hostname', colorize: true }));
  return pino(options, pino.destination({ dest: (stream as unknown as { fd: number }).fd, sync: true }));
}

export const silentLogger: Logger = pino({ level: 'silent' });

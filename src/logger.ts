import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout; one line per event, the request id on every request's lines.
 * Written synchronously: a few lines per request cost little, and every line is out, in order,
 * before the next thing happens — also just before the process exits or crashes.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'smart-city-graph' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 1, sync: true }));
}

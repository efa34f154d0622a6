import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout; one line per event, the request id on every request's lines. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'smart-city-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}

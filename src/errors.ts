// The error codes clients can rely on, and the one place that decides what
// of an error reaches a client. Anything without a public code is masked.
import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  NO_DATE: 'NO_DATE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes Apollo Server and graphql-js assign to request-level problems; their messages are safe. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), ...PROTOCOL_CODES]);

/** An error whose message is written for the client. */
export class ApiError extends GraphQLError {
  constructor(code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extra, code } });
  }
}

export const badInput = (message: string, extra?: Record<string, unknown>) => new ApiError('BAD_USER_INPUT', message, extra);
export const notFound = (what: string, key: string) => new ApiError('NOT_FOUND', `${what} '${key}' does not exist.`, { what, key });
export const conflict = (message: string, extra?: Record<string, unknown>) => new ApiError('CONFLICT', message, extra);

/**
 * True when an error must be masked and logged: anything a resolver threw
 * that is not one of ours. Errors without a path are about the request as a
 * whole (syntax, validation, variable values) and are described by graphql-js
 * for the client; they are never internal.
 */
export function isInternal(error: unknown, formattedCode?: unknown): boolean {
  if (!(error instanceof GraphQLError)) return true;
  if (error.path === undefined) {
    // Request-level: graphql-js' own errors carry no code until Apollo formats them; Apollo marks
    // failures of its own (e.g. the context function) as INTERNAL_SERVER_ERROR.
    const code = formattedCode ?? error.extensions.code;
    return code !== undefined && (code === ErrorCode.INTERNAL_SERVER_ERROR || typeof code !== 'string' || !PUBLIC_CODES.has(code));
  }
  const original = unwrapResolverError(error);
  if (original instanceof ApiError) return false;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  return !(typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR);
}

/**
 * The HTTP request being answered (set by the server for each request): Apollo formats the errors it
 * finds before any GraphQL runs (batching, a missing body, `query` not a string) without a context,
 * so their request id comes from here.
 */
const httpRequestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `next` (the rest of an HTTP request's handling) with `requestId` as the request being answered. */
export function withinRequest(requestId: string, next: () => void): void {
  const request = { requestId };
  httpRequestScope.run(request, next);
}

const withRequestId = (extensions: Record<string, unknown>) => {
  const requestId = httpRequestScope.getStore()?.requestId;
  return requestId === undefined || 'requestId' in extensions ? extensions : { ...extensions, requestId };
};

/** Apollo's formatError: public errors pass (without stack traces), everything else becomes a bare INTERNAL_SERVER_ERROR; each with the request id. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (!isInternal(error, formatted.extensions?.code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: withRequestId(extensions) };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: withRequestId({ code: ErrorCode.INTERNAL_SERVER_ERROR }),
  };
}

// The app's one door to the API: POST /graphql on the same origin (GET for what is the same for everyone), with the typed documents of
// graphql-codegen's client preset (web/src/gql/), and errors turned into something to show.
import type { TypedDocumentString } from './gql/graphql';
import { credentialHeaders, credentialRefused } from './session';
import { t } from './strings';

export class ApiError extends Error {
  /** Asks again: set by whoever asked (useQuery), so the error note can offer it. */
  retry?: () => void;
  constructor(
    message: string,
    readonly code: string | null,
    readonly requestId: string | null,
    /** When the API said to come back (RATE_LIMITED's Retry-After), in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  extensions?: { credential?: { refused?: boolean } };
  errors?: { message: string; extensions?: { code?: string; requestId?: string; retryAfterSeconds?: number } }[];
}

const ACCEPT = 'application/graphql-response+json, application/json';

/**
 * `public`: the same for everyone (the map's positions) — asked by GET without credentials, so the answer carries
 * the API's ETag of the data version and the browser keeps it, revalidating with a 304 once it is older than its
 * max-age. Everything else is a POST with the viewer's credentials.
 */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options: { public?: boolean } = {}): Promise<TResult> {
  let response: Response;
  try {
    response = options.public
      ? await fetch(`/graphql?${new URLSearchParams({ query: document.toString(), variables: JSON.stringify(variables) }).toString()}`, {
          headers: { accept: ACCEPT, 'apollo-require-preflight': 'true' },
        })
      : await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: ACCEPT, ...credentialHeaders() },
          body: JSON.stringify({ query: document.toString(), variables }),
        });
  } catch {
    throw new ApiError(t.error.unreachable, 'UNREACHABLE', null);
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(t.error.unreachable, 'UNREACHABLE', response.headers.get('x-request-id'));
  }
  // Read as anonymous because the credential was refused: forget it, and say so once (app.tsx).
  if (body.extensions?.credential?.refused) credentialRefused();
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? null;
    const retryAfter = first.extensions?.retryAfterSeconds ?? (Number(response.headers.get('retry-after')) || null);
    throw new ApiError((code && t.error.byCode[code]) || t.error.other, code, first.extensions?.requestId ?? response.headers.get('x-request-id'), retryAfter);
  }
  if (!body.data) throw new ApiError(t.error.other, null, response.headers.get('x-request-id'));
  return body.data;
}

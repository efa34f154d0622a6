// A query's state for a component: loading, its data, or the error to show; asked again when the variables change.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from './api';
import type { TypedDocumentString } from './gql/graphql';
import { useCredential } from './session';

export type QueryState<T> = { loading: true; data: null; error: null } | { loading: false; data: T; error: null } | { loading: false; data: null; error: ApiError };

export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, skip = false, again = 0): QueryState<TResult> | null {
  const [state, setState] = useState<QueryState<TResult> | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Asked again when the variables or the session's credential change (what one sees depends on who asks).
  const key = JSON.stringify(variables) + JSON.stringify(useCredential());
  useEffect(() => {
    if (skip) {
      setState(null);
      return;
    }
    let current = true;
    setState({ loading: true, data: null, error: null });
    request(document, variables).then(
      (data) => current && setState({ loading: false, data, error: null }),
      (error: unknown) => {
        if (!current) return;
        const shown = error instanceof ApiError ? error : new ApiError(String(error), null, null);
        shown.retry = () => setAttempt((n) => n + 1);
        setState({ loading: false, data: null, error: shown });
      },
    );
    return () => {
      current = false;
    };
  }, [key, skip, again, attempt]);
  return state;
}

// "Weitere laden": the pages after a connection's first, fetched by the API's cursor and kept in the component;
// forgotten when the question (`key`) changes.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

interface Page<E> {
  edges: E[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

export function useMore<E>(key: string, first: Page<E> | null | undefined, fetchAfter: (after: string) => Promise<Page<E>>) {
  const [more, setMore] = useState<{ edges: E[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setMore(null);
    setError(null);
  }, [key]);
  const page = more ?? (first ? { endCursor: first.pageInfo.endCursor ?? null, hasNextPage: first.pageInfo.hasNextPage } : null);
  const loadMore = async () => {
    if (!page?.endCursor) return;
    setLoading(true);
    try {
      const next = await fetchAfter(page.endCursor);
      setMore({ edges: [...(more?.edges ?? []), ...next.edges], endCursor: next.pageInfo.endCursor ?? null, hasNextPage: next.pageInfo.hasNextPage });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), null, null));
    } finally {
      setLoading(false);
    }
  };
  return { edges: [...(first?.edges ?? []), ...(more?.edges ?? [])], hasNextPage: page?.hasNextPage ?? false, loading, error, loadMore };
}

import { notFound } from '../errors.js';
/** The found items of a DataLoader `loadMany`, in order: keys without a node (null) are left out, errors rethrown. */
export function present<T>(results: readonly (T | null | Error)[]): T[] {
  const out: T[] = [];
  for (const r of results) {
    if (r instanceof Error) throw r;
    if (r !== null) out.push(r);
  }
  return out;
}

/**
 * A node a resolver knows the key of, loaded: NOT_FOUND when it is gone — deleted by another request
 * after this one wrote or ranked it — rather than a null in a non-null field (an internal error).
 */
export async function stillThere<T>(loaded: Promise<T | null | undefined>, what: string, key: string): Promise<T> {
  const value = await loaded;
  if (value === null || value === undefined) throw notFound(what, key);
  return value;
}

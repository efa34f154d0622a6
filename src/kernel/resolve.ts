/** The found items of a DataLoader `loadMany`, in order: keys without a node (null) are left out, errors rethrown. */
export function present<T>(results: readonly (T | null | Error)[]): T[] {
  const out: T[] = [];
  for (const r of results) {
    if (r instanceof Error) throw r;
    if (r !== null) out.push(r);
  }
  return out;
}

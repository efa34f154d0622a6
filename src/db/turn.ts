// Long computations on the one event loop (a bulk read's conversion, a cache's build) give other requests
// their turn now and then.

/**
 * Lets the event loop serve what waits (timers, then I/O) before a long computation goes on. A timer alone
 * fires before the loop polls for I/O, setImmediate alone right after the I/O callback that got here: the
 * immediate set from the timer runs after the next poll.
 */
export async function turn(): Promise<void> {
  await new Promise<void>((done) => setTimeout(done, 0));
  await new Promise<void>((done) => setImmediate(done));
}

/**
 * For a loop over many items: `await pace()` inside it takes a turn whenever the loop has held the event
 * loop for `sliceMs` since the last one, and costs a clock read otherwise.
 */
export function pacer(sliceMs = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await turn();
    since = performance.now();
  };
}

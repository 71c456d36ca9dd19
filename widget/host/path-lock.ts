/**
 * Runs tasks one at a time per key, in arrival order: a publisher's check of `If-Match` and its
 * write happen with no other write to the same file in between, so of two publishers holding
 * the same ETag exactly one wins. Different keys run concurrently.
 */
export function createPathLock() {
  const tails = new Map<string, Promise<unknown>>();
  return function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    // Forget a key once nothing is queued behind this task, so the map does not grow with every path ever written.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

export type PathLock = ReturnType<typeof createPathLock>;

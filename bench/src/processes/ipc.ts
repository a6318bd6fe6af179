// The child side of child.ts: answer each request with one message, errors as { error }.

export function reply(message: Record<string, unknown>): void {
  process.send?.(message);
}

/** Runs `handle` for each request from the parent; its result (or error text) is the answer. */
export function serve(handle: (request: Record<string, unknown>) => Promise<Record<string, unknown>>): void {
  process.on("message", (request: Record<string, unknown>) => {
    handle(request).then(reply, (err: unknown) => reply({ error: String(err) }));
  });
  // The parent going away ends us too, so nothing outlives a run.
  process.on("disconnect", () => process.exit(0));
}

/** Heap in use after full collections (the process runs with --expose-gc). */
export function settledHeap(): number {
  for (let i = 0; i < 4; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

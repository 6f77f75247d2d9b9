/**
 * The page's one control of a Worker (or anything to dispose), made on first use with `factory`
 * (the Worker's transport); `reset` disposes it and, for tests, chooses the next one's transport.
 */
export function onePerPage<C extends { dispose(): void }, F>(create: (factory: F) => C, worker: F) {
  let instance: C | null = null;
  let factory = worker;
  return {
    get: (): C => (instance ??= create(factory)),
    reset(next: F = worker): void {
      instance?.dispose();
      instance = null;
      factory = next;
    },
  };
}

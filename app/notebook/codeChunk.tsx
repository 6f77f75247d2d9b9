import { type ComponentType, type ReactNode, Suspense, lazy, useState } from 'react';

/**
 * A chunk of the notebook's code (a group of sections, a chart): fetched once, on the first `load()`, and
 * known at once (`now()`) to every part drawn from it after it has arrived.
 */
export interface CodeChunk<M> {
  load(): Promise<M>;
  now(): M | undefined;
}

export function codeChunk<M>(fetch: () => Promise<M>): CodeChunk<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () =>
      (loading ??= fetch().then(
        (m) => {
          module = m;
          return m;
        },
        (error: unknown) => {
          loading = undefined; // a later render may try again
          throw error;
        },
      )),
    now: () => module,
  };
}

/**
 * The component `pick` takes from `chunk`. Once the chunk has arrived it renders at once, without suspending;
 * before, it suspends (showing `fallback`) until the chunk comes. A part suspending on a React.lazy of its own,
 * although its chunk had arrived, made React show its fallback and then hold the content back: a boundary's
 * content comes at the earliest 300 ms after the last fallback shown (React's throttling of Suspense reveals),
 * so every section took 300 ms to go live, whatever its work (issue 15).
 */
export function fromChunk<M, P extends object>(name: string, chunk: CodeChunk<M>, pick: (m: M) => ComponentType<P>, fallback: ReactNode): ComponentType<P> {
  const Code = lazy(async () => ({ default: pick(await chunk.load()) }));
  const Part = (props: P) => {
    // Chosen once per mount: switching from the lazy wrapper to the component itself would remount the part.
    const [Ready] = useState(() => {
      const m = chunk.now();
      return m === undefined ? undefined : pick(m);
    });
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={fallback}>
        <Code {...props} />
      </Suspense>
    );
  };
  Part.displayName = name;
  return Part;
}

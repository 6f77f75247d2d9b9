import type { DeckChannel } from '../../../../app/presentation/presenter/channel';

/**
 * An in-memory BroadcastChannel for jsdom: every `open()` is one window's end of the same channel; a
 * message goes to every other open end, structured-cloned and a microtask later, as BroadcastChannel
 * delivers it (never back to its sender, never to a closed end).
 */
export function memoryBus(): { open: () => DeckChannel; sent: unknown[] } {
  const ends = new Set<{ hearers: Set<(data: unknown) => void> }>();
  const sent: unknown[] = [];
  const open = (): DeckChannel => {
    const end = { hearers: new Set<(data: unknown) => void>() };
    ends.add(end);
    return {
      post(message) {
        if (!ends.has(end)) throw new Error('post on a closed channel');
        sent.push(message);
        const copy = structuredClone(message);
        const others = [...ends].filter((e) => e !== end);
        queueMicrotask(() => others.forEach((e) => ends.has(e) && e.hearers.forEach((hear) => hear(copy))));
      },
      listen(hear) {
        end.hearers.add(hear);
        return () => end.hearers.delete(hear);
      },
      close: () => ends.delete(end),
    };
  };
  return { open, sent };
}

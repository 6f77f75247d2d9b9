import type { LabSnapshot } from './worker/messages';

/** Snapshot requests to the lab's Worker waiting for their answers, matched by request id. */
export interface SnapshotRequests {
  /** A new request: `send` posts it with its id; resolves with the Worker's answer. */
  ask(send: (requestId: number) => void): Promise<LabSnapshot | null>;
  /** The Worker's answer to request `requestId`. */
  answer(requestId: number, snapshot: LabSnapshot | null): void;
  /** Answers every waiting request with null (the Worker is going away). */
  dispose(): void;
}

export function createSnapshotRequests(): SnapshotRequests {
  const waiting = new Map<number, (s: LabSnapshot | null) => void>();
  let last = 0;
  return {
    ask: (send) =>
      new Promise((resolve) => {
        last += 1;
        waiting.set(last, resolve);
        send(last);
      }),
    answer(requestId, snapshot) {
      waiting.get(requestId)?.(snapshot);
      waiting.delete(requestId);
    },
    dispose() {
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

interface NoticeState {
  /** What the address asked for that the page did not do, in words (plain text). */
  messages: readonly string[];
  show: (messages: readonly string[]) => void;
  dismiss: () => void;
}

/** The notice about the address: page chrome, not notebook state, so not in the URL table. */
export const noticeStore = createStore<NoticeState>()((set) => ({
  messages: [],
  show: (messages) => set({ messages }),
  dismiss: () => set({ messages: [] }),
}));

export function useNotices<T>(selector: (s: NoticeState) => T): T {
  return useStore(noticeStore, selector);
}

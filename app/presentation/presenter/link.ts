import type { DeckMessage, StateMessage } from './messages';

/**
 * The presenter's side of the link, as a reducer: what it last heard from the projected window, and
 * whether that window is still there. Pure: the hook (usePresenterSync) feeds it messages and the clock.
 */

/**
 * 'waiting': nothing heard yet; 'live': in touch; 'lost': silent too long; 'closed': the deck said goodbye;
 * 'unsupported': the browser cannot link windows (no BroadcastChannel).
 */
export type LinkStatus = 'waiting' | 'live' | 'lost' | 'closed' | 'unsupported';

export interface PresenterLink {
  status: LinkStatus;
  /** The projected window's last state (kept when the link goes, so the presenter still sees where it was). */
  deck: StateMessage | null;
  /** When it was last heard from (ms, the hook's clock). */
  heardAt: number | null;
}

/** How often the presenter asks "hello?" (the projected window answers with its state). */
export const HELLO_EVERY_MS = 2000;
/** Silence after which the projected window counts as gone (three unanswered hellos). */
export const SILENCE_MS = 3 * HELLO_EVERY_MS;

export const WAITING: PresenterLink = { status: 'waiting', deck: null, heardAt: null };

/** The link after a message: a state brings it to life, a goodbye closes it; the others are other presenters' and change nothing. */
export function hear(link: PresenterLink, message: DeckMessage, now: number): PresenterLink {
  if (message.type === 'state') return { status: 'live', deck: message, heardAt: now };
  if (message.type === 'bye') return { ...link, status: 'closed' };
  return link;
}

/** The link at `now`: a live link silent for SILENCE_MS is lost. */
export function checkLink(link: PresenterLink, now: number): PresenterLink {
  if (link.status !== 'live' || link.heardAt === null || now - link.heardAt < SILENCE_MS) return link;
  return { ...link, status: 'lost' };
}

/** What the presenter window says about the link, in words. */
export function linkWords(status: LinkStatus): string {
  switch (status) {
    case 'waiting':
      return 'Waiting for the presentation: open it in another window of this browser (▶ Present), then press P there.';
    case 'live':
      return 'Connected to the presentation.';
    case 'lost':
      return 'The presentation does not answer: its window may have closed or be asleep. The controls wait for it.';
    case 'closed':
      return 'The presentation has closed (its window, or Esc there). Open it again and this window follows.';
    case 'unsupported':
      return 'This browser cannot link two windows (it has no BroadcastChannel): drive the presentation from its own window.';
  }
}

/** The presenter's window: this page (any sub-path: the address is relative) with the presenter's flag. */
export const PRESENTER_QUERY = '?presenter=1';

/** The window's name: pressing P again brings the same window back instead of opening another. */
const WINDOW_NAME = 'bn-live-presenter';

/**
 * Opens (or focuses) the presenter's window, laptop-sized; returns it, or null when the browser
 * blocked it. Only call this from a click or a key press (browsers block pop-ups otherwise).
 */
export function openPresenter(win: Window = window): Window | null {
  const opened = win.open(PRESENTER_QUERY, WINDOW_NAME, 'popup,width=1366,height=768');
  opened?.focus();
  return opened;
}

import { useNotices } from '../state/url/notices';
import './UrlNotice.css';

/** Messages shown at once; the rest wait behind a disclosure, so a hostile link cannot fill the screen. */
export const NOTICE_SHOWN = 5;

/** After Dismiss, the keyboard continues in the notebook (the presentation, if it is open) rather than at the page's top. */
function focusContent(): void {
  const target = ['.deck-title', 'main.content h2', 'main'].map((sel) => document.querySelector<HTMLElement>(sel)).find((el) => el !== null);
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * What the address asked for that the page ignored or changed, in a small dismissible box.
 * The messages quote the address as plain text: React escapes them, nothing is parsed as HTML.
 */
export function UrlNotice() {
  const messages = useNotices((s) => s.messages);
  const dismiss = useNotices((s) => s.dismiss);
  const shown = messages.slice(0, NOTICE_SHOWN), rest = messages.slice(NOTICE_SHOWN);
  return (
    <div className="url-notice-region" role="status" aria-live="polite">
      {messages.length > 0 && (
        <section className="url-notice" aria-labelledby="url-notice-title">
          <h2 id="url-notice-title">Part of this link was changed or not used</h2>
          <ul>
            {shown.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
          {rest.length > 0 && (
            <details className="url-notice-more">
              <summary>{rest.length} more</summary>
              <ul>
                {rest.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </details>
          )}
          <button
            type="button"
            onClick={() => {
              dismiss();
              focusContent();
            }}
          >
            Dismiss
          </button>
        </section>
      )}
    </div>
  );
}

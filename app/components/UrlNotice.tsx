import { useNotices } from '../state/url/notices';
import './UrlNotice.css';

/**
 * What the address asked for that the page ignored or changed, in a small dismissible box.
 * The messages quote the address as plain text: React escapes them, nothing is parsed as HTML.
 */
export function UrlNotice() {
  const messages = useNotices((s) => s.messages);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="url-notice-region" role="status" aria-live="polite">
      {messages.length > 0 && (
        <section className="url-notice" aria-labelledby="url-notice-title">
          <h2 id="url-notice-title">Part of this link was not used</h2>
          <ul>
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </section>
      )}
    </div>
  );
}

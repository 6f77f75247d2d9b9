import { useEffect, useState } from 'react';
import { appStore } from '../state/store';
import { linkFor } from '../state/url/serialize';
import { urlValues } from '../state/url/table';
import './CopyLink.css';

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/**
 * Copies a link to the current state (from the store, so a change not yet in the address is in it).
 * Says so in a live region; where the clipboard is refused, shows the link selected to copy by hand.
 */
export function CopyLink() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    if (status.kind !== 'copied') return;
    const t = setTimeout(() => setStatus({ kind: 'idle' }), 4000);
    return () => clearTimeout(t);
  }, [status]);
  const copy = async () => {
    const link = linkFor(urlValues(appStore.getState()), window.location);
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'manual', link });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="copy-link-status" role="status" aria-live="polite">
        {status.kind === 'copied' ? '✓ Link copied' : ''}
      </span>
      {status.kind === 'manual' && (
        <label className="copy-link-manual">
          The clipboard is not available here; copy this link:
          <input readOnly value={status.link} autoFocus onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}

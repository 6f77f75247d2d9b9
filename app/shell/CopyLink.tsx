import { useEffect, useState } from 'react';
import { appStore, useAppState, type State } from '../state/store';
import { linkFor } from '../state/url/serialize';
import { urlValues } from '../state/url/table';
import './CopyLink.css';

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual' };

/** A link to the current state. */
const currentLink = (s: State) => linkFor(urlValues(s), window.location);

interface Props {
  /** The link to copy, from the state (the current state's by default; the deck editor's: its deck's). */
  linkOf?: (s: State) => string;
  /** The button's text. */
  label?: string;
}

/**
 * Copies a link to the current state (from the store, so a change not yet in the address is in it).
 * Says so in a live region; where the clipboard is refused, shows the link selected to copy by hand,
 * kept up to date while it is open, until Close or Esc.
 */
export function CopyLink({ linkOf = currentLink, label = 'Copy link' }: Props) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    if (status.kind !== 'copied') return;
    const t = setTimeout(() => setStatus({ kind: 'idle' }), 4000);
    return () => clearTimeout(t);
  }, [status]);
  const copy = async () => {
    const link = linkOf(appStore.getState());
    setStatus({ kind: 'idle' });
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'manual' });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-link-status" role="status" aria-live="polite">
        {status.kind === 'copied' ? '✓ Link copied' : ''}
      </span>
      {status.kind === 'manual' && <ManualLink linkOf={linkOf} onClose={() => setStatus({ kind: 'idle' })} />}
    </div>
  );
}

/** The link to copy by hand: follows the state while open; Esc or Close puts it away. */
function ManualLink({ linkOf, onClose }: { linkOf: (s: State) => string; onClose: () => void }) {
  const link = useAppState(linkOf);
  return (
    <div className="copy-link-manual">
      <label>
        The clipboard is not available here; copy this link:
        <input
          readOnly
          value={link}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault(); // not the presentation's Esc
            onClose();
          }}
        />
      </label>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

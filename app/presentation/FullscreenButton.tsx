import { useEffect, useState } from 'react';
import { fullscreenAvailable, toggleFullscreen } from './fullscreen';

/** "Full screen" on and off (also the F key); hidden where the browser has no Fullscreen API. */
export function FullscreenButton() {
  const [full, setFull] = useState(() => typeof document !== 'undefined' && Boolean(document.fullscreenElement));
  useEffect(() => {
    const update = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  if (!fullscreenAvailable()) return null;
  return (
    <button type="button" aria-pressed={full} aria-keyshortcuts="F" onClick={toggleFullscreen}>
      Full screen
    </button>
  );
}

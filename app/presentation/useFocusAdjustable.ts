import { useEffect, useState } from 'react';
import { focusKind } from './focusKind';

/**
 * Whether the focus is on something Enter grabs in the deck (a slider, a point, a menu: see
 * focusKind), so the bottom bar can say so where it matters instead of always (it is too narrow for
 * the general hint at 1280×720).
 */
export function useFocusAdjustable(): boolean {
  const [adjustable, setAdjustable] = useState(() => focusKind(document.activeElement) === 'adjustable');
  useEffect(() => {
    const update = () => setAdjustable(focusKind(document.activeElement) === 'adjustable');
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', update);
    return () => {
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', update);
    };
  }, []);
  return adjustable;
}

import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { POINTER_HIDE_MS, relativePoint } from './pointer';
import type { PointerState } from './useProjectedSync';

/**
 * The audience's pointer: a large dot over the projected step, where the presenter points (on the
 * presenter's preview, or here with the laser pointer on: L). Gone POINTER_HIDE_MS after the last move.
 * Decoration for the room, so hidden from screen readers; the laser's toggle is the named control.
 */
export function PointerDot({ pointer, laser }: { pointer: StoreApi<PointerState>; laser: boolean }) {
  const at = useStore(pointer, (s) => s.at);
  const movedAt = useStore(pointer, (s) => s.movedAt);
  useEffect(() => {
    if (!at) return;
    const t = setTimeout(() => pointer.setState({ at: null }), POINTER_HIDE_MS);
    return () => clearTimeout(t);
  }, [pointer, at, movedAt]);
  useEffect(() => {
    if (!laser) return;
    const onMove = (e: PointerEvent) => {
      const box = { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
      pointer.setState({ at: relativePoint(e.clientX, e.clientY, box), movedAt: Date.now() });
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerdown', onMove);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerdown', onMove);
    };
  }, [pointer, laser]);
  if (!at) return null;
  return <div className="deck-pointer" data-testid="deck-pointer" aria-hidden="true" style={{ left: `${at.x * 100}%`, top: `${at.y * 100}%` }} />;
}

import type { PointerAt } from './messages';

/** How long the audience's pointer dot stays after the presenter's pointer last moved. */
export const POINTER_HIDE_MS = 2000;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a pointer at (clientX, clientY) is on `box`, as fractions of its width and height, clamped to
 * [0, 1] (a drag that leaves the box keeps the dot at its edge); null for a box with no area.
 */
export function relativePoint(clientX: number, clientY: number, box: Box): PointerAt | null {
  if (!(box.width > 0 && box.height > 0) || !Number.isFinite(clientX) || !Number.isFinite(clientY)) return null;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return { x: clamp((clientX - box.left) / box.width), y: clamp((clientY - box.top) / box.height) };
}

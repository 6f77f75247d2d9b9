import type { StepPlace } from '../../outline';
import type { Mirror } from '../../state/slices/nav';
import type { Command } from './protocol';
import { PointerDot } from './PointerDot';
import { useMirrorSync } from './useMirrorSync';
import { useProjectedSync } from './useProjectedSync';

/** The projected deck's link to the presenter's window, and the audience's pointer dot. */
export function ProjectedLink({ slides, k, command, laser }: { slides: readonly StepPlace[]; k: number; command: (c: Command) => void; laser: boolean }) {
  const pointer = useProjectedSync(slides, k, command);
  return <PointerDot pointer={pointer} laser={laser} />;
}

/** A copy's link to the projected deck (see useMirrorSync), and the pointer dot as the class sees it. */
export function MirrorLink({ mirror }: { mirror: Exclude<Mirror, 'off'> }) {
  const pointer = useMirrorSync(mirror);
  return <PointerDot pointer={pointer} laser={false} />;
}

import { ghostLegend } from './model/ghost';
import { VARIANT_ORDER } from './model/variants';
import { labController } from './controller';
import { GHOST, VARIANT_COLOR, VARIANT_DASH } from './lineStyle';
import { useRun } from './runStore';
import './ghost.css';

/**
 * The key's entry for the previous run's ghost (model/ghost.ts), beside the run controls so it stays
 * in view over every chart: its faint lines, the settings it had that the current run has not, the
 * step it reached, and a button that takes it off the charts.
 */
export function GhostKey() {
  const ghost = useRun((s) => s.ghost);
  if (!ghost) return null;
  return (
    <div className="lab-ghost-key" data-testid="lab-ghost-key">
      <p>
        <svg className="lab-swatch" width="34" height="14" aria-hidden="true">
          {VARIANT_ORDER.map((v, i) => (
            <line key={v} x1="1" y1={4 + 6 * i} x2="33" y2={4 + 6 * i} stroke={VARIANT_COLOR[v]} strokeWidth={GHOST.width} strokeOpacity={GHOST.opacity} strokeDasharray={VARIANT_DASH[v]} />
          ))}
        </svg>{' '}
        Faint lines: the {ghostLegend(ghost)}
      </p>
      <button type="button" onClick={() => labController().clearGhost()}>
        Clear the previous run
      </button>
    </div>
  );
}

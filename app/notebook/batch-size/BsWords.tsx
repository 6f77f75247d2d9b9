import { type BsPoints, type BsSettings, BS_NORM_NAMES, bsCommand, bsGapText, perSampleGap } from './bsView';
import { bsVerdict } from './bsVerdict';

/** Whether this run reproduces Wu & He's shape, in words from the points on screen (`compact`: the slide's shorter words). */
export function BsVerdictText({ settings, points, compact = false }: { settings: BsSettings; points: BsPoints; compact?: boolean }) {
  const v = bsVerdict(settings, points);
  return (
    <p className={v.kind === 'waiting' || v.kind === 'diverged' ? 'bs-verdict' : 'bs-verdict callout'} data-testid="bs-verdict" data-kind={v.kind}>
      {compact ? (v.short ?? v.text) : v.text}
    </p>
  );
}

/** BN's train-mode vs eval-mode error at each m, and how far apart the per-sample norms' two modes are. */
export function BsGapText({ settings, points, compact = false }: { settings: BsSettings; points: BsPoints; compact?: boolean }) {
  const gap = bsGapText(settings, points);
  const others = compact ? null : perSampleGap(settings, points);
  if (gap === null && others === null) return null;
  return (
    <div data-testid="bs-gap">
      {gap && <p>{gap}</p>}
      {others !== null && (
        <p>
          {settings.norms.filter((n) => n !== 'bn').map((n) => BS_NORM_NAMES[n]).join(' and ')} normalize each sample by itself, so train and eval mode are the same computation:{' '}
          {others === 0
            ? 'here they give the same error at every m.'
            : `here they differ by at most ${others.toFixed(1)} points, only because train mode scores whole batches of m and leaves out the last incomplete one.`}
        </p>
      )}
    </div>
  );
}

/** The commands that print each line of the chart. */
export function BsCommands({ settings }: { settings: BsSettings }) {
  if (settings.norms.length === 0) return null;
  return (
    <ul className="bs-commands" data-testid="bs-commands">
      {settings.norms.map((n) => (
        <li key={n}>
          {BS_NORM_NAMES[n]}: <code>{bsCommand(settings, n)}</code>
        </li>
      ))}
    </ul>
  );
}

import type { PlacementView } from './placementView';
import type { Placement } from '../../state/slices/bn';
import { fmt } from '../../ui/format';

const ROWS = [
  { side: 'before', name: 'BN → ReLU' },
  { side: 'after', name: 'ReLU → BN' },
] as const;

/** Both orders side by side: the layer's output distribution in numbers. */
export function PlacementCompare({ view, placement }: { view: PlacementView; placement: Placement }) {
  return (
    <div className="bn-scroll" role="region" aria-label="Both orders compared" tabIndex={0}>
      <table className="bn-compare" data-testid="placement-compare">
        <caption className="bn-hint">The layer&apos;s output A, all neurons pooled, for both orders</caption>
        <thead>
          <tr>
            <th scope="col">order</th>
            <th scope="col">mean</th>
            <th scope="col">std</th>
            <th scope="col">min</th>
            <th scope="col">exactly 0</th>
            <th scope="col">&gt; 0</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ side, name }) => {
            const s = view[side][2].summary;
            return (
              <tr key={side} className={side === placement ? 'is-selected' : undefined} aria-current={side === placement ? 'true' : undefined}>
                <th scope="row">{name}</th>
                <td className="num">{fmt(s.mean, 3)}</td>
                <td className="num">{fmt(s.std, 3)}</td>
                <td className="num">{fmt(s.min, 3)}</td>
                <td className="num">{fmt(100 * s.zeroFraction, 3)} %</td>
                <td className="num">{fmt(100 * s.positiveFraction, 3)} %</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { EquationPair } from '../../ui/EquationPair';
import { LogSlider } from '../../ui/LogSlider';
import { Notice } from '../../ui/Notice';
import { appStore, useAppState } from '../../state/store';
import { useMiniBatch } from '../../state/useMiniBatch';
import { fmt, tex } from '../../ui/format';
import { logSliderProps } from '../../state/props';
import { BATCH_PROPS } from '../../state/slices/batch';
import { varianceView } from './varianceView';

/**
 * Section 5's second panel (its second presentation step): the one-pass formula's catastrophic
 * cancellation on the shared batch, computed in float32 and float64.
 */
export function OnePassVariancePanel() {
  const z = useMiniBatch();
  const offset = useAppState((s) => s.offset);
  const v = varianceView(z, offset);
  const f32one = v.rows[0];
  return (
    <>
      <EquationPair
        symbolic={String.raw`\underbrace{\tfrac{1}{m}\textstyle\sum_i z_i^2 - \mu^2}_{\text{one pass}} \;\;\text{vs.}\;\; \underbrace{\tfrac{1}{m}\textstyle\sum_i (z_i-\mu)^2}_{\text{two passes}}`}
        numeric={[`\\text{offset } ${tex(offset, 3)}:`, `\\text{float32, one pass} = ${tex(f32one.value, 4)}`, `\\text{true } \\sigma^2 = ${tex(v.reference, 4)}`]}
        testId="onepass-equation"
      />
      <div className="panel">
        <div className="controls bn-controls">
          <LogSlider {...logSliderProps(BATCH_PROPS.offset)} value={offset} onChange={(o) => appStore.getState().setBatch({ offset: o })} testId="offset-value" />
        </div>
        <div className="bn-scroll" role="region" aria-label="One-pass and two-pass variance compared" tabIndex={0}>
          <table className="bn-compare" data-testid="onepass-table">
            <caption className="bn-hint">True σ² (shifts never change it): {fmt(v.reference, 6)}</caption>
            <thead>
              <tr>
                <th scope="col">precision, formula</th>
                <th scope="col">σ² computed</th>
                <th scope="col">relative error</th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td className={`num${r.wrong ? ' bn-bad' : ''}`}>{fmt(r.value, 6)}</td>
                  <td className="num">{r.negative ? 'negative: impossible' : fmt(r.relativeError, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {v.rows[1].wrong ? (
        <Notice tone="warn" title="Even two passes fail here — because float32 cannot hold the data">
          <p>
            Near {fmt(offset, 3)}, consecutive float32 numbers are {fmt(v.float32Spacing, 3)} apart, so the samples themselves are
            rounded before any formula runs. No formula can recover a spread the storage has erased.
          </p>
        </Notice>
      ) : (
        <p className="bn-hint">
          Near {fmt(offset, 3)}, float32 numbers are {fmt(v.float32Spacing, 3)} apart: the data survive, and the two-pass formula
          recovers σ². {f32one.wrong ? 'The one-pass formula does not.' : 'Raise the offset to break the one-pass formula.'}
        </p>
      )}
    </>
  );
}

/** Section 5's second part: why the one-pass shortcut fails, then its panel. */
export function OnePassVariance() {
  return (
    <>
      <p className="bn-prose">
        Algebra says (1/m)Σ(zᵢ − μ)² = (1/m)Σzᵢ² − μ², and the right side needs only one pass over the data. Computers
        disagree when the numbers sit far from 0: both terms become huge and nearly equal, and their difference — the
        variance — drowns in rounding. Add a large offset to this batch (it does not change the true σ²) and compare the
        two formulas, each computed with every operation rounded to float32 (as on a GPU) or float64.
      </p>
      <OnePassVariancePanel />
    </>
  );
}

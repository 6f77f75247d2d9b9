import { memo } from 'react';
import type { EffectiveLrRun } from '../../../src/effectiveLrRun';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { ScrollX } from '../../ui/ScrollX';
import { fmt } from '../../ui/format';
import { type NormStep, normStep } from './wdView';

/** One step of SGD with L2 weight decay, W ← (1 − ηλ)W − ηg, in norms. */
export const NORM_TEX = String.raw`\lVert W_{t+1}\rVert^2 = (1-\eta\lambda)^2\lVert W_t\rVert^2 \;-\; 2\eta(1-\eta\lambda)\,W_t\cdot g_t \;+\; \eta^2\lVert g_t\rVert^2`;

/** The table's rows: each term, the measured norm, and how far each form is from it (relative). */
const ROWS: readonly { label: string; value: (s: NormStep) => number; digits: number; id?: string }[] = [
  { label: '(1 − ηλ)²‖W_t‖²', value: (s) => s.decayed, digits: 6 },
  { label: '−2η(1 − ηλ)·W_t·g_t (BN’s ε part)', value: (s) => s.dotPart, digits: 3 },
  { label: 'η²‖g_t‖²', value: (s) => s.gradPart, digits: 4 },
  { label: '‖W at t+1‖², measured', value: (s) => s.after, digits: 6 },
  { label: 'the identity’s error', value: (s) => s.fullError, digits: 2, id: 'full' },
  { label: '‖W_t‖² + η²‖g_t‖² is off by', value: (s) => s.shortGap, digits: 2, id: 'short' },
];

/**
 * The identity at the last step taken, W₁ of both networks: its three terms, the measured norm, and how well each form
 * predicts it (memoized on `version`). Before the first step the table is there with a dash in each cell, so the
 * section does not grow by the table's height under the reader when the run begins (358 px, found by a tester).
 */
export const NormIdentity = memo(function NormIdentity({ run, version }: { run: EffectiveLrRun; version: number }) {
  const steps = run.traces.map((tr) => normStep(run, tr, 0));
  const t = steps.find((s) => s !== null)?.t;
  return (
    <div data-version={version}>
      <ScrollEquation tex={NORM_TEX} label="One SGD step with weight decay, in squared norms" />
      <ScrollX label="The norm identity at the last step">
        <table className="data-table wd-table" aria-label={t === undefined ? 'The norm identity for W₁, no step taken yet' : `The norm identity for W₁ from step ${t} to ${t + 1}`} data-testid="wd-identity">
          <caption>
            {t === undefined ? 'W₁, no step taken yet: the cells fill in at the run’s first step' : `W₁ from step ${t.toLocaleString('en')} to ${(t + 1).toLocaleString('en')}`}; the last two rows relative to the measured ‖W at t+1‖²
          </caption>
          <thead>
            <tr>
              <th scope="col">term</th>
              {run.traces.map((tr, i) => (
                <th key={i} scope="col">
                  λ = {fmt(tr.weightDecay, 2)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {steps.map((s, i) => (
                  <td key={i} className="num" data-testid={r.id ? `wd-${r.id}-${i}` : undefined}>
                    {s ? fmt(r.value(s), r.digits) : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </div>
  );
});

import { useEffect, useMemo } from 'react';
import { useAppState } from '../state/store';
import { useMiniBatch } from '../state/useMiniBatch';
import { useNotesContext } from '../notebook/pass/useNotesContext';
import { useRunningTrace, useTrainedLayer } from '../notebook/inference/useRunningTrace';
import { summaryView, type SummaryLine } from './model/summaryView';
import './exercises.css';

function Lines({ lines }: { lines: readonly SummaryLine[] }) {
  return (
    <dl className="summary-lines">
      {lines.map((l) => (
        <div key={l.formula}>
          <dt>{l.formula}</dt>
          <dd>
            <span className="summary-value">{l.value}</span>
            {l.why && <span className="summary-why"> — {l.why}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Prints the summary alone (the page's own print rules hide the rest while the class is set). */
function printSummary(): void {
  document.documentElement.classList.add('print-summary');
  window.print();
}

/** The one-screen summary after the last section: forward, exact backward, train vs eval, with the numbers on screen. */
export default function Summary() {
  const z = useMiniBatch();
  const eps = useAppState((s) => s.eps);
  const gamma = useAppState((s) => s.gamma);
  const beta = useAppState((s) => s.beta);
  const { grads } = useNotesContext();
  const trained = useTrainedLayer(useRunningTrace());
  const view = useMemo(() => summaryView({ z, eps, gamma, beta, grads, trained }), [z, eps, gamma, beta, grads, trained]);
  useEffect(() => {
    const done = () => document.documentElement.classList.remove('print-summary');
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  if (!view) return null;
  return (
    <section className="bn-summary" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title">Summary: batch norm on the batch on screen</h2>
      <p className="exercise-intro">
        Every number is the engine’s, for the page’s batch, ε, γ and β, the notes’ network and section 15’s layer.{' '}
        <button type="button" className="exercise-secondary" onClick={printSummary}>
          Print the summary
        </button>
      </p>
      <h3>Forward, in train mode</h3>
      <Lines lines={view.forward} />
      <h3>Backward, exact</h3>
      <Lines lines={view.backward} />
      <h3>Train mode and eval mode</h3>
      <Lines lines={view.modes} />
    </section>
  );
}

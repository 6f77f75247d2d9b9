import { within } from '@testing-library/react';
import { cellText } from '../../../app/notebook/pass/notesMatrices';
import { batchNormSteps, sampleMiniBatch } from '../../../src';
import { appStore } from '../../../app/state/store';

/** Puts the one store back to its defaults between tests. */
export function resetStore(): void {
  appStore.setState(appStore.getInitialState(), true);
}

/** The shared batch as the engine draws it from the store's controls, with dragged points applied. */
export function engineBatch(): Float64Array {
  const s = appStore.getState();
  const z = sampleMiniBatch(s.seed, s.m, s.shift, s.scale);
  for (const [i, v] of Object.entries(s.overrides)) if (Number(i) < s.m) z[Number(i)] = v;
  return z;
}

/** The engine's BN steps for the store's current batch, ε, γ and β. */
export function engineSteps() {
  const s = appStore.getState();
  return batchNormSteps(engineBatch(), { eps: s.eps, gamma: s.gamma, beta: s.beta });
}

/** The text of every cell in a table row (after its header). */
export function rowCells(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '');
}

/** The TeX source of an EquationPair's live row (KaTeX keeps it in the MathML annotation). */
export function liveTex(row: HTMLElement): string {
  return row.querySelector('annotation')?.textContent ?? '';
}

/** A matrix grid's numbers as shown, row by row (header row skipped). */
export const gridNumbers = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('gridcell').map((c) => c.textContent));

/** An engine matrix [rows × cols] as its cells are printed. */
export const expectedCells = (m: { rows: number; cols: number; data: Float64Array }) =>
  Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => cellText(m.data[r * m.cols + c])));

import { act, render, screen } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { summarize } from '../../../../src';
import { Centering } from '../../../../app/notebook/centering/Centering';
import { appStore } from '../../../../app/state/store';
import { fmt, tex } from '../../../../app/ui/format';
import { engineBatch, engineSteps, liveTex, resetStore, rowCells } from '../engineRef';

beforeEach(resetStore);

test('section 4 shows the engine’s zᵢ − μ (m = 8), their mean (≈ 0) and the unchanged spread', () => {
  render(<Centering />);
  const s = engineSteps();
  expect(rowCells(screen.getByTestId('centered-row'))).toEqual(Array.from(s.centered, (v) => fmt(v, 3)));
  expect(screen.getByTestId('centering-after-mean')).toHaveTextContent(fmt(summarize(s.centered).mean, 3));
  expect(Math.abs(summarize(s.centered).mean)).toBeLessThan(1e-15);
  const std = fmt(summarize(engineBatch()).std, 4);
  expect(screen.getByTestId('centering-std')).toHaveTextContent(`${std} → ${std}`);
  expect(liveTex(screen.getByTestId('centering-equation'))).toContain(`= ${tex(s.centered[0], 3)}`);
});

test('section 4 follows the shared batch: shift 2 → −4 moves μ, not the centred values (1e-12)', () => {
  render(<Centering />);
  const before = engineSteps().centered;
  act(() => appStore.getState().setBatch({ shift: -4 }));
  const after = engineSteps();
  expect(screen.getByTestId('centering-mu')).toHaveTextContent(fmt(after.mean, 4));
  after.centered.forEach((c, i) => expect(Math.abs(c - before[i])).toBeLessThan(1e-12));
  expect(rowCells(screen.getByTestId('centered-row'))).toEqual(Array.from(after.centered, (v) => fmt(v, 3)));
});

test('section 4 callout: the notes read literally give σ² + μ², computed live', () => {
  render(<Centering />);
  const s = engineSteps();
  expect(screen.getByTestId('centering-twice')).toHaveTextContent(fmt(s.varianceIfCenteredTwice, 4));
  expect(Math.abs(s.varianceIfCenteredTwice - (s.variance + s.mean ** 2))).toBeLessThan(1e-12);
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { batchNormSteps, sampleMiniBatch } from '../../../src';
import { PROGRESS_KEY, readProgress, writeProgress } from '../../../app/exercises/model/progress';
import { forgetShownAnswers, reloadProgress, resetProgress } from '../../../app/exercises/progressStore';
import SectionExercises from '../../../app/exercises/SectionExercises';
import { Toc } from '../../../app/shell/Toc';
import { OUTLINE } from '../../../app/outline';
import { appStore } from '../../../app/state/store';

beforeEach(() => {
  localStorage.clear();
  forgetShownAnswers();
  act(() => {
    reloadProgress();
    appStore.setState({ seed: 1, m: 8, shift: 2, scale: 1.5, eps: 1e-5, overrides: {}, exSeed: 1 });
  });
});

describe('stored progress', () => {
  test('round-trips, and ignores corrupt, foreign and old data with a notice', () => {
    expect(readProgress(writeProgress(new Set(['mean-mu'])))).toEqual({ done: new Set(['mean-mu']), notice: null });
    expect(readProgress(null)).toEqual({ done: new Set(), notice: null });
    expect(readProgress('{not json').notice).toMatch(/not valid JSON/);
    expect(readProgress(JSON.stringify({ theme: 'dark' })).notice).toMatch(/not this notebook’s exercise progress/);
    expect(readProgress(JSON.stringify({ app: 'bn-live-exercises', version: 0, done: [] })).notice).toMatch(/another version \(0; this page reads 1\)/);
    expect(readProgress(JSON.stringify({ app: 'bn-live-exercises', version: 1, done: [3] })).notice).toMatch(/damaged/);
    expect(readProgress(JSON.stringify({ app: 'bn-live-exercises', version: 1, done: [], extra: 1 })).notice).toMatch(/damaged/);
    for (const bad of ['{not json', 'null', '[]', '"x"']) expect(readProgress(bad).done.size).toBe(0);
  });

  test('corrupt data shows its notice under the table of contents; other keys are untouched', () => {
    localStorage.setItem(PROGRESS_KEY, '{"app":"bn-live-exercises","version":7}');
    localStorage.setItem('other', 'kept');
    act(() => reloadProgress());
    render(<Toc sections={OUTLINE} />);
    expect(screen.getByTestId('exercise-progress')).toHaveTextContent(/another version \(7/);
    expect(localStorage.getItem('other')).toBe('kept');
    expect(localStorage.getItem(PROGRESS_KEY)).toContain('"version":7');
  });
});

describe('answering', () => {
  const s = batchNormSteps(sampleMiniBatch(1, 8, 2, 1.5));

  test('type μ and press Enter: right; the table of contents marks the section once all its exercises are right', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Toc sections={OUTLINE} />
        <SectionExercises section="mean" />
      </>,
    );
    const card = screen.getByTestId('exercise-mean-mu');
    await user.type(within(card).getByRole('textbox', { name: 'Your μ' }), `${s.mean.toFixed(4)}{Enter}`);
    expect(within(card).getByRole('status')).toHaveTextContent(/^Right: the engine gives/);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}').done).toEqual(['mean-mu']);
    expect(screen.getByTestId('exercise-progress')).toHaveTextContent('Exercises: 1 of');
    expect(screen.getByRole('link', { name: /^3\./ })).not.toHaveTextContent('✓');
    act(() => {
      resetProgress();
    });
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  test('a typical mistake is named: σ² with m − 1', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="variance" />);
    const card = screen.getByTestId('exercise-variance-sigma2');
    await user.type(within(card).getByRole('textbox'), `${s.unbiasedVariance.toFixed(4)}{Enter}`);
    expect(within(card).getByRole('status')).toHaveTextContent(/divided by m − 1 = 7: that is the unbiased estimate/);
    await user.click(within(card).getByRole('button', { name: 'Show the answer' }));
    expect(card).toHaveTextContent(/The engine’s answer:/);
    // The answer, typed after it was shown, is right but does not count.
    const box = within(card).getByRole('textbox');
    await user.clear(box);
    await user.type(box, `${s.variance.toFixed(4)}{Enter}`);
    expect(within(card).getByRole('status')).toHaveTextContent(/^Right/);
    expect(card).toHaveTextContent('Not counted in your progress: the answer was shown.');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  test('Forget them: the count goes to 0, the answers and their feedback are cleared, and the keyboard stays on the count', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Toc sections={OUTLINE} />
        <SectionExercises section="mean" />
      </>,
    );
    const card = screen.getByTestId('exercise-mean-mu');
    await user.type(within(card).getByRole('textbox', { name: 'Your μ' }), `${s.mean.toFixed(4)}{Enter}`);
    expect(screen.getByTestId('exercises-mean')).toHaveTextContent('✓ counted in your progress');
    const progress = screen.getByTestId('exercise-progress');
    await user.click(within(progress).getByRole('button', { name: 'Reset' }));
    await user.click(within(progress).getByRole('button', { name: 'Forget them' }));
    expect(progress).toHaveTextContent('Exercises: 0 of');
    const fresh = screen.getByTestId('exercise-mean-mu');
    expect(within(fresh).queryByRole('status')?.textContent ?? '').toBe('');
    expect(within(fresh).getByRole('textbox', { name: 'Your μ' })).toHaveValue('');
    await new Promise((r) => requestAnimationFrame(r));
    expect(document.activeElement).toHaveTextContent(/^Exercises: 0 of/);
  });

  test('a choice by keyboard: Tab to the options, arrows, Enter; all of section 2 right marks it done', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Toc sections={OUTLINE} />
        <SectionExercises section="batch" />
      </>,
    );
    const card = screen.getByTestId('exercise-batch-over');
    const radios = within(card).getAllByRole('radio');
    radios[0].focus();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    expect(within(card).getByRole('status')).toHaveTextContent(/^Right: batch norm averages each neuron/);
    expect(screen.getByRole('link', { name: /^2\..*exercises done/ })).toBeInTheDocument();
  });

  test('New batch and questions draws new exercises from a new seed, both in the store', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="mean" />);
    const before = screen.getByTestId('exercises-mean').textContent;
    await user.click(screen.getByRole('button', { name: 'New batch and questions' }));
    const { seed, exSeed } = appStore.getState();
    expect(seed).not.toBe(1);
    expect(exSeed).toBe(seed);
    expect(screen.getByTestId('exercises-mean').textContent).not.toBe(before);
  });

  test('a typed answer survives a change of the numbers (a moved point, a new batch): its old verdict goes, and a line says the numbers changed', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="mean" />);
    const card = () => screen.getByTestId('exercise-mean-mu');
    const box = () => within(card()).getByRole('textbox', { name: 'Your μ' });
    await user.type(box(), `${s.mean.toFixed(4)}{Enter}`);
    expect(within(card()).getByRole('status')).toHaveTextContent(/^Right/);
    act(() => appStore.getState().setPoint(0, 3.9));
    expect(box()).toHaveValue(s.mean.toFixed(4));
    expect(within(card()).getByRole('status')).toHaveTextContent(/^$/);
    expect(screen.getByTestId('changed-mean-mu')).toHaveTextContent('The numbers changed since you typed this: Check grades it against the new ones.');
    // Check grades the kept text against the new μ, and the line goes.
    await user.click(within(card()).getByRole('button', { name: 'Check' }));
    expect(within(card()).getByRole('status')).toHaveTextContent(/^Not yet/);
    expect(screen.queryByTestId('changed-mean-mu')).toBeNull();
    // An empty box says nothing when the numbers change.
    await user.clear(box());
    await user.click(screen.getByRole('button', { name: 'New batch and questions' }));
    expect(screen.queryByTestId('changed-mean-mu')).toBeNull();
  });

  test('an answer shown for some numbers stays shown for them: moving a point away and back, then typing it, is right but not counted', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="mean" />);
    const card = () => screen.getByTestId('exercise-mean-mu');
    const box = () => within(card()).getByRole('textbox', { name: 'Your μ' });
    await user.type(box(), '0{Enter}');
    await user.click(within(card()).getByRole('button', { name: 'Show the answer' }));
    const z0 = appStore.getState().overrides;
    act(() => appStore.getState().setPoint(0, 3.9));
    act(() => appStore.setState({ overrides: z0 }));
    await user.clear(box());
    await user.type(box(), `${s.mean.toFixed(4)}{Enter}`);
    expect(within(card()).getByRole('status')).toHaveTextContent(/^Right/);
    expect(card()).toHaveTextContent('Not counted in your progress: the answer was shown.');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
    // Nor after a change too small to move μ past the tolerance (a point nudged by 0.01 moves μ by 0.00125).
    act(() => appStore.getState().setPoint(0, sampleMiniBatch(1, 8, 2, 1.5)[0] + 0.01));
    await user.clear(box());
    await user.type(box(), `${s.mean.toFixed(4)}{Enter}`);
    expect(within(card()).getByRole('status')).toHaveTextContent(/^Right/);
    expect(card()).toHaveTextContent('Not counted in your progress: the answer was shown.');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  test('typing again takes away the line that says the numbers changed', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="mean" />);
    const box = () => within(screen.getByTestId('exercise-mean-mu')).getByRole('textbox', { name: 'Your μ' });
    await user.type(box(), '1.5');
    act(() => appStore.getState().setPoint(0, 3.9));
    expect(screen.getByTestId('changed-mean-mu')).toBeInTheDocument();
    await user.type(box(), '1');
    expect(screen.queryByTestId('changed-mean-mu')).toBeNull();
  });

  test('placement: the marker moved to μ with its slider is right; far from it, a hint', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="mean" />);
    const card = screen.getByTestId('exercise-mean-place');
    const slider = within(card).getByRole('slider', { name: /Your μ/ });
    fireEvent.change(slider, { target: { value: String(Number(slider.getAttribute('min'))) } });
    await user.click(within(card).getByRole('button', { name: 'Check' }));
    expect(within(card).getByRole('status')).toHaveTextContent(/^Not yet: too low by .* Hint: μ is the balance point/);
    fireEvent.change(slider, { target: { value: String(s.mean) } });
    fireEvent.click(within(card).getByRole('button', { name: 'Check' }));
    expect(within(card).getByRole('status')).toHaveTextContent(/^Right/);
  });

  test('placement: Check without moving the marker is not right, even for m = 2 (where the axis’s middle is μ)', async () => {
    const user = userEvent.setup();
    act(() => appStore.setState({ m: 2 }));
    render(<SectionExercises section="mean" />);
    const card = screen.getByTestId('exercise-mean-place');
    await user.click(within(card).getByRole('button', { name: 'Check' }));
    expect(within(card).getByRole('status')).toHaveTextContent(/^Not yet: too low by/);
  });

  test('the notation bridge and glossary open under the exercises', async () => {
    const user = userEvent.setup();
    render(<SectionExercises section="inference" />);
    await user.click(screen.getByText('Notation and terms'));
    expect(screen.getByText(/momentum = 0.1 = 1 − β/)).toBeVisible();
    expect(screen.getByText('central differences')).toBeVisible();
    expect(screen.getByText(/Ioffe & Szegedy’s x̂ \(PyTorch’s docs use x̂ for a running statistic instead\)/)).toBeVisible();
    expect(screen.queryByText(/PyTorch’s x̂/)).toBeNull();
    expect(screen.getByText(/exponential moving averages of the batch mean and of the unbiased batch variance/)).toBeVisible();
  });
});

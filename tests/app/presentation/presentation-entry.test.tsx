import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { SLIDES } from '../../../app/presentation/deck';
import { PresentButton } from '../../../app/presentation/PresentButton';
import { BACKWARD_TITLES, FORWARD_TITLES, stepIndexFor } from '../../../app/outline';
import { SECTIONS } from '../../../app/notebook/registry';
import { appStore } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

beforeEach(() => appStore.setState(defaultValues()));

describe('the deck of the notebook', () => {
  test('every section is a step, and the forward and backward passes add one step per equation', () => {
    expect(SLIDES).toHaveLength(SECTIONS.reduce((n, s) => n + s.steps.length, 0));
    expect(SLIDES.filter((s) => s.sectionId === 'forward').map((s) => s.step.title)).toEqual([...FORWARD_TITLES]);
    expect(SLIDES.filter((s) => s.sectionId === 'backward').map((s) => s.step.state)).toEqual(BACKWARD_TITLES.map((_, i) => ({ backwardStep: i })));
    expect(SLIDES.map((s) => s.sectionNumber)).toEqual([...SLIDES.map((s) => s.sectionNumber)].sort((a, b) => a - b));
  });

  test('presenting starts at the reader’s section, at the equation its panel is on', () => {
    expect(SLIDES[stepIndexFor(SLIDES, { section: 'forward', forwardStep: 3, backwardStep: 0 })].step.title).toBe(FORWARD_TITLES[3]);
    expect(SLIDES[stepIndexFor(SLIDES, { section: 'mean', forwardStep: 3, backwardStep: 0 })].sectionId).toBe('mean');
    expect(stepIndexFor(SLIDES, { section: 'nowhere', forwardStep: 0, backwardStep: 0 })).toBe(0);
  });
});

describe('entering presentation mode', () => {
  test('the P key presents from the current section', async () => {
    const user = userEvent.setup();
    appStore.setState({ section: 'forward', forwardStep: 2 });
    render(<PresentButton />);
    await user.keyboard('p');
    const s = appStore.getState();
    expect(s.presenting).toBe(true);
    expect(SLIDES[s.step]).toMatchObject({ sectionId: 'forward', step: { title: FORWARD_TITLES[2] } });
  });

  test('the Present button presents; P typed into a text field does not', async () => {
    const user = userEvent.setup();
    render(
      <>
        <label>
          Note <input />
        </label>
        <PresentButton />
      </>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'pP');
    expect(appStore.getState().presenting).toBe(false);
    await user.click(screen.getByRole('button', { name: '▶ Present' }));
    expect(appStore.getState().presenting).toBe(true);
  });
});

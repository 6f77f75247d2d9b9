import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Presentation } from '../../../app/presentation/Presentation';
import { buildSlides } from '../../../app/presentation/slides';
import { GRAB_IDLE_MS } from '../../../app/presentation/useGrab';
import { overviewMove } from '../../../app/presentation/Overview';
import type { SectionDef } from '../../../app/notebook/registry';
import { appStore, useAppState } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

function Controls() {
  const gamma = useAppState((s) => s.gamma);
  return (
    <>
      <label>
        γ <input type="range" min={-3} max={3} step={0.5} value={gamma} onChange={(e) => appStore.getState().setBn({ gamma: Number(e.currentTarget.value) })} />
      </label>
      <label>
        Note <input type="text" />
      </label>
      <label>
        Output BN <input type="checkbox" />
      </label>
    </>
  );
}
const one = (id: string, number: number, title: string, Component = () => <p>{title}</p>): SectionDef => ({ id, number, title, steps: [{ id, title }], Component });
const sections: SectionDef[] = [
  one('a', 1, 'Alpha', Controls),
  { id: 'pass', number: 2, title: 'The pass', Component: () => <p>pass</p>, steps: ['Z = WX', 'A = ReLU(Z)'].map((title, i) => ({ id: `p${i}`, title, state: { forwardStep: i } })) },
  ...Array.from({ length: 12 }, (_, i) => one(`s${i}`, i + 3, `Section ${i + 3}`)),
];
const slides = buildSlides(sections);
const count = () => screen.getByText(/^Step \d+ of \d+/).textContent?.replace(/:.*/, '');
const status = () => screen.getByTestId('deck-status').textContent;

beforeEach(() => {
  appStore.setState({ ...defaultValues(), presenting: true, step: 0 });
});
afterEach(() => vi.useRealTimers());

describe('go to a step by number', () => {
  test('typing shows "Go to step 1_", Enter jumps; a number beyond the deck says so and stays', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.keyboard('1');
    expect(status()).toBe('Go to step 1_');
    await user.keyboard('2');
    expect(status()).toBe('Go to step 12_');
    await user.keyboard('{Enter}');
    expect(count()).toBe('Step 12 of 15');
    expect(status()).toBe('');
    await user.keyboard('99{Enter}');
    expect(count()).toBe('Step 12 of 15');
    expect(status()).toBe('There is no step 99: the steps are 1 to 15.');
  });

  test('digits typed into a text field are the field’s, and Esc there gives the keyboard back to the deck', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    const note = screen.getByRole('textbox', { name: 'Note' });
    await user.click(note);
    await user.keyboard('12{Enter}{ArrowRight} b');
    expect(note).toHaveValue('12 b');
    expect(count()).toBe('Step 1 of 15');
    vi.useFakeTimers();
    fireEvent.keyDown(note, { key: 'Escape' });
    act(() => vi.runOnlyPendingTimers());
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
    expect(appStore.getState().presenting).toBe(true);
  });
});

describe('controls in a step', () => {
  test('after a click on a slider, → and Space move the deck, not the slider', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.click(screen.getByRole('slider', { name: 'γ' }));
    expect(screen.getByRole('slider', { name: 'γ' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(count()).toBe('Step 2 of 15');
    expect(appStore.getState().gamma).toBe(1);
  });

  test('Enter ticks a checkbox (Space is the deck’s)', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    const box = screen.getByRole('checkbox', { name: 'Output BN' });
    box.focus();
    await user.keyboard('{Enter}');
    expect(box).toBeChecked();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    expect(count()).toBe('Step 2 of 15');
  });

  test('a grabbed slider is let go after a pause, by moving the focus, and on another step', async () => {
    vi.useFakeTimers();
    render(<Presentation slides={slides} />);
    const slider = () => screen.getByRole('slider', { name: 'γ' });
    const grab = () => {
      slider().focus();
      fireEvent.keyDown(slider(), { key: 'Enter' });
      expect(slider()).toHaveAttribute('data-grabbed', 'true');
    };
    grab();
    act(() => vi.advanceTimersByTime(GRAB_IDLE_MS - 1000));
    fireEvent.keyDown(slider(), { key: 'ArrowLeft' }); // a key on it: the pause starts again
    act(() => vi.advanceTimersByTime(GRAB_IDLE_MS - 1000));
    expect(slider()).toHaveAttribute('data-grabbed', 'true');
    act(() => vi.advanceTimersByTime(1000));
    expect(slider()).not.toHaveAttribute('data-grabbed');
    expect(status()).toBe('Let go of γ after a pause: the arrow keys move the deck again.');
    grab();
    act(() => screen.getByRole('textbox', { name: 'Note' }).focus());
    expect(slider()).not.toHaveAttribute('data-grabbed');
    grab();
    act(() => appStore.getState().setNav({ step: 1 }));
    act(() => appStore.getState().setNav({ step: 0 }));
    expect(slider()).not.toHaveAttribute('data-grabbed');
  });
});

describe('overview, blank screen, keys', () => {
  test('O opens every step (number, section, title), the current one marked and focused; arrows move, Enter opens', async () => {
    const user = userEvent.setup();
    appStore.setState({ step: 2 });
    render(<Presentation slides={slides} />);
    await user.keyboard('o');
    const dialog = screen.getByRole('dialog', { name: 'All steps' });
    const cells = within(dialog).getAllByRole('listitem');
    expect(cells).toHaveLength(15);
    expect(cells[2]).toHaveTextContent('Step 3 §2 The pass A = ReLU(Z)');
    expect(cells[0]).toHaveTextContent('Step 1 §1 Alpha');
    const current = within(dialog).getByRole('button', { current: 'step' });
    expect(current).toHaveFocus();
    expect(current).toHaveTextContent(/^Step 3/);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(dialog).getByRole('button', { name: 'Step 5 §4 Section 4' })).toHaveFocus();
    expect(count()).toBe('Step 3 of 15');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(count()).toBe('Step 5 of 15');
    expect(screen.getByRole('heading', { level: 2, name: '§4 Section 4' })).toHaveFocus();
  });

  test('the Overview button opens it too; Esc closes it and the deck’s keys work again', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.click(screen.getByRole('button', { name: 'Overview' }));
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: /^Step 15 / })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(appStore.getState().presenting).toBe(true);
    await user.keyboard('{ArrowRight}');
    expect(count()).toBe('Step 2 of 15');
  });

  test('the overview’s arrow keys move by a cell and by a row, and stop at the ends', () => {
    expect([overviewMove('ArrowRight', 3, 15, 5), overviewMove('ArrowDown', 3, 15, 5), overviewMove('ArrowUp', 3, 15, 5)]).toEqual([4, 8, 0]);
    expect([overviewMove('ArrowDown', 12, 15, 5), overviewMove('End', 0, 15, 5), overviewMove('Home', 9, 15, 5), overviewMove('x', 1, 15, 5)]).toEqual([14, 14, 0, null]);
  });

  test('B blanks the screen and any key brings it back without doing anything else; . and a click too', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.keyboard('b');
    expect(screen.getByTestId('deck-blank')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.queryByTestId('deck-blank')).toBeNull();
    expect(count()).toBe('Step 1 of 15');
    await user.keyboard('.');
    await user.click(screen.getByTestId('deck-blank'));
    expect(screen.queryByTestId('deck-blank')).toBeNull();
  });

  test('? lists the keys; ? or Esc closes the list', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keys' });
    expect(help).toHaveTextContent('12 Enter');
    expect(help).toHaveTextContent('blank the screen');
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keys' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(appStore.getState().presenting).toBe(true);
  });

  test('T and the Theme button cycle System → Light → Dark → Projector → System, on <html> and in the store', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    const seen: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await user.keyboard('t');
      seen.push(appStore.getState().theme);
    }
    expect(seen).toEqual(['light', 'dark', 'projector', 'system']);
    await user.click(screen.getByRole('button', { name: 'Theme: System' }));
    expect(appStore.getState().theme).toBe('light');
    expect(status()).toBe('Theme: Light.');
    expect(screen.getByRole('button', { name: 'Theme: Light' })).toBeInTheDocument();
  });
});

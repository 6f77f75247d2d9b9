import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SectionDef } from '../../../app/notebook/registry';
import { noteOf, slidesOf } from '../../../app/presentation/activeDeck';
import { SLIDES } from '../../../app/presentation/deck';
import { presentDeck } from '../../../app/presentation/editor/applyDeck';
import { Presentation } from '../../../app/presentation/Presentation';
import { buildSlides } from '../../../app/presentation/slides';
import { EMPTY_DECK, deckSteps, type Deck } from '../../../app/state/deck/deck';
import { appStore, useAppState } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

/** Panels that show the settings a pin sets, under the outline's own ids (so the store's deck names them). */
function Settings() {
  const gamma = useAppState((s) => s.gamma);
  const seed = useAppState((s) => s.seed);
  const forward = useAppState((s) => s.forwardStep);
  return <p data-testid="settings">{`γ ${gamma}, seed ${seed}, equation ${forward + 1}`}</p>;
}
const sections: SectionDef[] = [
  { id: 'mean', number: 3, title: 'μ, the batch mean', steps: [{ id: 'mean', title: 'μ' }], Component: Settings },
  { id: 'gamma-beta', number: 7, title: 'γ and β', steps: [{ id: 'gamma-beta', title: 'γ' }], Component: Settings },
  { id: 'forward', number: 11, title: 'The forward pass', Component: Settings, steps: ['X', 'Z₁ = W₁X'].map((title, i) => ({ id: `forward-${i + 1}`, title, state: { forwardStep: i } })) },
];
const deck: Deck = [
  { section: 'gamma-beta', step: 'gamma-beta', note: 'Predict first: what does γ = 2 do?', pin: { gamma: '2' } },
  { section: 'mean', step: 'mean', note: '', pin: { seed: '7' } },
  { section: 'forward', step: 'forward-2', note: 'By hand, then on screen.', pin: null },
];
const slides = deckSteps(deck, buildSlides(sections));
const count = () => screen.getByText(/^Step \d+ of \d+/).textContent?.replace(/:.*/, '');
const settings = () => screen.getByTestId('settings').textContent;

beforeEach(() => {
  appStore.setState({ ...defaultValues(), deck });
  presentDeck(appStore, deck);
});

describe('presenting an own deck', () => {
  test('the deck’s steps in its order, "Step k of 3", each pinned step’s settings applied on entering it, by → and ← alike', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    expect([count(), settings()]).toEqual(['Step 1 of 3', 'γ 2, seed 1, equation 1']);
    await user.keyboard('{ArrowRight}');
    // A pin sets every other pinnable setting to its default: γ goes back to 1.
    expect([count(), settings()]).toEqual(['Step 2 of 3', 'γ 1, seed 7, equation 1']);
    await user.keyboard('{ArrowRight}');
    // Not pinned: the settings of the moment stay; the step sets its equation.
    expect([count(), settings()]).toEqual(['Step 3 of 3', 'γ 1, seed 7, equation 2']);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect([count(), settings()]).toEqual(['Step 1 of 3', 'γ 2, seed 1, equation 2']);
  });

  test('the overview shows the deck’s steps, and "go to step" counts within the deck', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.keyboard('o');
    const overview = screen.getByRole('dialog', { name: 'All steps' });
    expect(within(overview).getAllByRole('button', { name: /^Step/ }).map((b) => b.textContent)).toEqual(['Step 1 §7 γ and β', 'Step 2 §3 μ, the batch mean', 'Step 3 §11 The forward pass Z₁ = W₁X']);
    await user.keyboard('{Escape}3{Enter}');
    expect([count(), settings()]).toEqual(['Step 3 of 3', 'γ 2, seed 1, equation 2']);
  });

  test('the Note button shows the step’s note above the bottom bar; a step without a note has no Note button', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.click(screen.getByRole('button', { name: 'Note' }));
    expect(screen.getByRole('button', { name: 'Note' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('deck-note')).toHaveTextContent('Note: Predict first: what does γ = 2 do?');
    await user.keyboard('{ArrowRight}');
    expect(screen.queryByRole('button', { name: 'Note' })).toBeNull();
    expect(screen.queryByTestId('deck-note')).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('deck-note')).toHaveTextContent('Note: By hand, then on screen.');
  });

  test('noteOf(k) is step k’s note (0-based), "" without one; slidesOf is every step for no deck, and made once per deck', () => {
    expect([0, 1, 2, 3].map(noteOf)).toEqual(['Predict first: what does γ = 2 do?', '', 'By hand, then on screen.', '']);
    expect(slidesOf(EMPTY_DECK).map((s) => s.step.id)).toEqual(SLIDES.map((s) => s.step.id));
    expect(slidesOf(deck)).toBe(slidesOf(deck));
    expect(slidesOf(deck).map((s) => [s.step.id, s.Component])).toEqual(deck.map((e) => [e.step, SLIDES.find((s) => s.step.id === e.step)?.Component]));
  });
});

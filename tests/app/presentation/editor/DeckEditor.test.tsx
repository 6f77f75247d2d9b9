import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DeckEditor } from '../../../../app/presentation/editor/DeckEditor';
import type { Deck } from '../../../../app/state/deck/deck';
import { appStore } from '../../../../app/state/store';
import { parseQuery } from '../../../../app/state/url/parse';
import { defaultValues } from '../../../../app/state/url/table';

const entry = (section: string, step: string, note = '', pin: Record<string, string> | null = null) => ({ section, step, note, pin });

beforeEach(() => {
  appStore.setState(defaultValues());
  window.history.replaceState(null, '', '/notebook/');
});

/** The editor over the page, as the notebook's "Your deck" opens it. */
function open() {
  const onClose = vi.fn();
  render(<DeckEditor onClose={onClose} />);
  const dialog = screen.getByRole('dialog', { name: 'Your own deck' });
  const deck = within(dialog).getByRole('region', { name: /^Your deck/ });
  const titles = () => within(deck).queryAllByRole('listitem').map((li) => li.querySelector('.deck-entry-title')?.textContent);
  return { dialog, deck, titles, onClose };
}

// Typing and clicking through a dialog of ~60 buttons: slower than most jsdom tests on a loaded machine.
const SLOW = { timeout: 20_000 };

describe('the deck editor, used as an instructor would', () => {
  test('adds three steps by name, reorders them with the buttons and Alt+↑, notes and pins one; Save puts that deck in the page', SLOW, async () => {
    const user = userEvent.setup();
    const { dialog, deck, titles } = open();
    expect(within(deck).getByText(/the presentation shows every step/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add §3 μ, the batch mean' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add §11 The forward pass, step by step · Z₁ = W₁X' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add §7 γ and β: scale and shift' }));
    expect(titles()).toEqual(['1 §3 μ, the batch mean', '2 §11 The forward pass, step by step · Z₁ = W₁X', '3 §7 γ and β: scale and shift']);
    expect(within(dialog).getByRole('button', { name: 'Add §3 μ, the batch mean (in the deck once)' })).toBeInTheDocument();

    await user.click(within(deck).getByRole('button', { name: 'Move step 3 up' }));
    expect(titles()[1]).toBe('2 §7 γ and β: scale and shift');
    // The keyboard follows the moved step: Alt+↑ from its button moves it again.
    expect(within(deck).getByRole('button', { name: 'Move step 2 up' })).toHaveFocus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(titles()).toEqual(['1 §7 γ and β: scale and shift', '2 §3 μ, the batch mean', '3 §11 The forward pass, step by step · Z₁ = W₁X']);
    expect(within(deck).getByRole('button', { name: 'Move step 1 up' })).toHaveFocus();

    await user.type(within(deck).getByRole('textbox', { name: 'Note for step 1' }), 'Predict first: what does γ = 2 do?');
    appStore.getState().setBn({ gamma: 2 });
    appStore.getState().setBatch({ seed: 7 });
    await user.click(within(deck).getByRole('button', { name: 'Pin settings to step 1' }));
    expect(within(deck).getByText('Pinned: seed 7, gamma 2')).toBeInTheDocument();
    expect(within(dialog).getByText('Step 1 pinned: seed 7, gamma 2.')).toHaveAttribute('role', 'status');

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(appStore.getState().deck).toEqual<Deck>([
      entry('gamma-beta', 'gamma-beta', 'Predict first: what does γ = 2 do?', { seed: '7', gamma: '2' }),
      entry('mean', 'mean'),
      entry('forward', 'forward-2'),
    ]);
    expect(appStore.getState().presenting).toBe(false);
  });

  test('Present opens the deck at its first step with that step’s pinned settings; the others go back to their defaults', SLOW, async () => {
    const user = userEvent.setup();
    appStore.setState({ deck: [entry('mean', 'mean', 'first', { m: '16' }), entry('why', 'why')], beta: 3 });
    const { dialog, onClose } = open();
    await user.click(within(dialog).getByRole('button', { name: /Present this deck/ }));
    expect(appStore.getState()).toMatchObject({ presenting: true, step: 0, section: 'mean', m: 16, beta: 0 });
    expect(onClose).toHaveBeenCalled();
  });

  test('Remove takes a step out (the keyboard stays on a Remove button), Remove all every step; Close leaves the page’s deck as it was', SLOW, async () => {
    const user = userEvent.setup();
    const saved: Deck = [entry('mean', 'mean'), entry('why', 'why'), entry('lab', 'lab')];
    appStore.setState({ deck: saved });
    const { deck, titles, onClose, dialog } = open();
    await user.click(within(deck).getByRole('button', { name: 'Remove step 2' }));
    expect(titles()).toEqual(['1 §3 μ, the batch mean', '2 §13 Training lab']);
    expect(within(deck).getByRole('button', { name: 'Remove step 2' })).toHaveFocus();
    await user.click(within(deck).getByRole('button', { name: 'Remove all' }));
    expect(titles()).toEqual([]);
    expect(within(deck).getByRole('heading', { name: 'Your deck: every step' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: /^Close/ }));
    expect(onClose).toHaveBeenCalled();
    expect(appStore.getState().deck).toBe(saved);
  });

  test('Copy the deck’s link copies a presenting link that reads back as the deck, with no notice', SLOW, async () => {
    const user = userEvent.setup();
    const { dialog, deck } = open();
    await user.click(within(dialog).getByRole('button', { name: 'Add §1 Why normalize: internal covariate shift' }));
    const note = within(deck).getByRole('textbox', { name: 'Note for step 1' });
    expect(note).toHaveAccessibleDescription('0 / 140 characters');
    await user.type(note, 'a ~*; note!');
    // The count under the field follows what is typed (11 of the note's 140 characters).
    expect(note).toHaveAccessibleDescription('11 / 140 characters');
    await user.click(within(dialog).getByRole('button', { name: 'Copy the deck’s link' }));
    const link = await navigator.clipboard.readText();
    expect(link).toBe(`${window.location.origin}/notebook/?v=1&present=1&deck=1~why**a+!~!*!;+note!!~`);
    expect(parseQuery(new URL(link).search)).toMatchObject({ values: { presenting: true, deck: [entry('why', 'why', 'a ~*; note!')] }, notices: [] });
    expect(within(dialog).getByText(`Link: ${link.length} characters`)).toBeInTheDocument();
  });
});

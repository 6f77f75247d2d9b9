import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { ArrowKeys } from '../../../app/ui/ArrowKeys';
import { Slider } from '../../../app/ui/Slider';
import { Presentation } from '../../../app/presentation/Presentation';
import { buildSlides } from '../../../app/presentation/slides';
import type { SectionDef } from '../../../app/notebook/registry';
import { appStore, useAppState } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

function GammaPanel() {
  const gamma = useAppState((s) => s.gamma);
  return (
    <>
      <Slider label="γ" min={-3} max={3} step={0.5} value={gamma} onChange={(g) => appStore.getState().setBn({ gamma: g })} testId="gamma" />
      <button type="button" onClick={() => appStore.getState().setBn({ gamma: gamma * 2 })}>
        Double γ
      </button>
    </>
  );
}
function PassPanel() {
  const step = useAppState((s) => s.forwardStep);
  return <p>Panel on equation {step + 1}</p>;
}
const sections: SectionDef[] = [
  { id: 'a', number: 1, title: 'Alpha', steps: [{ id: 'a', title: 'Alpha' }], Component: GammaPanel },
  {
    id: 'pass',
    number: 2,
    title: 'The pass',
    Component: PassPanel,
    steps: ['Z = WX', 'A = ReLU(Z)', 'L = CCE'].map((title, i) => ({ id: `p${i}`, title, state: { forwardStep: i } })),
  },
  { id: 'c', number: 3, title: 'Gamma', steps: [{ id: 'c', title: 'Gamma' }], Component: () => <p>Last words</p> },
];
const slides = buildSlides(sections);

const count = () => screen.getByText(/^Step \d+ of \d+/).textContent;
const title = () => screen.getByRole('heading', { level: 2 }).textContent;

beforeEach(() => {
  appStore.setState({ ...defaultValues(), presenting: true, step: 0 });
});

describe('presentation mode', () => {
  test('opens with focus on the step title and "Step 1 of 5"', () => {
    render(<Presentation slides={slides} />);
    expect(count()).toBe('Step 1 of 5: §1 Alpha');
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
    expect(screen.getByRole('progressbar', { name: 'Step 1 of 5' })).toHaveAttribute('value', '1');
  });

  test('keyboard alone walks the deck: → Space PageDown forward, ← Shift+Space PageUp back, End, Home', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    const seen: string[] = [];
    for (const keys of ['{ArrowRight}', ' ', '{PageDown}', '{ArrowLeft}', '{Shift>} {/Shift}', '{PageUp}', '{End}', '{ArrowRight}', '{Home}', '{ArrowLeft}']) {
      await user.keyboard(keys);
      seen.push(count() ?? '');
    }
    expect(seen.map((s) => s.replace(/:.*/, ''))).toEqual([
      'Step 2 of 5',
      'Step 3 of 5',
      'Step 4 of 5',
      'Step 3 of 5',
      'Step 2 of 5',
      'Step 1 of 5',
      'Step 5 of 5',
      'Step 5 of 5',
      'Step 1 of 5',
      'Step 1 of 5',
    ]);
  });

  test('↓ and ↑ scroll a tall step by about half a screen and leave the step where it is', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    const body = screen.getByRole('main');
    const scrolled: number[] = [];
    Object.defineProperty(body, 'clientHeight', { value: 600, configurable: true });
    body.scrollBy = ((o: ScrollToOptions) => scrolled.push(o.top ?? 0)) as typeof body.scrollBy;
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(scrolled).toEqual([270, 270, -270]);
    expect(count()).toBe('Step 1 of 5: §1 Alpha');
  });

  test('a step of a stepped section shows its equation’s title and puts the live panel on that equation', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(title()).toBe('§2 The pass · A = ReLU(Z)');
    expect(screen.getByText('Panel on equation 2')).toBeInTheDocument();
    expect(appStore.getState()).toMatchObject({ step: 2, section: 'pass', forwardStep: 1 });
  });

  test('controls still work in a step; the deck keeps its keys on a focused slider until Enter grabs it, and Esc lets go', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.click(screen.getByRole('button', { name: 'Double γ' }));
    expect(screen.getByTestId('gamma')).toHaveTextContent('2');
    // Not grabbed: → moves the deck, and the slider never sees the key (no default action, no handler).
    const seen: string[] = [];
    const listen = () => {
      const el = screen.getByRole('slider', { name: 'γ' });
      el.addEventListener('keydown', (e) => seen.push(e.key));
      el.focus();
      return el;
    };
    fireEvent.keyDown(listen(), { key: 'ArrowRight' });
    expect(count()).toMatch(/^Step 2 of 5/);
    expect(seen).toEqual([]);
    act(() => appStore.getState().setNav({ step: 0 }));
    const slider = listen();
    // Enter grabs it: the keys reach it, the cue says so, the deck stays.
    await user.keyboard('{Enter}');
    expect(slider).toHaveAttribute('data-grabbed', 'true');
    expect(screen.getByTestId('deck-status')).toHaveTextContent('Adjusting γ: ← → change it · Esc lets go');
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageDown']) fireEvent.keyDown(slider, { key });
    expect(seen).toEqual(['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageDown']);
    expect(count()).toMatch(/^Step 1 of 5/);
    fireEvent.change(slider, { target: { value: '-1.5' } });
    expect(screen.getByTestId('gamma')).toHaveTextContent('-1.5');
    // Esc lets go (the deck stays open), a second Esc leaves.
    await user.keyboard('{Escape}');
    expect(slider).not.toHaveAttribute('data-grabbed');
    expect(screen.getByTestId('deck-status')).toHaveTextContent(/Let go of γ/);
    expect(appStore.getState().presenting).toBe(true);
    await user.keyboard('{Escape}');
    expect(appStore.getState().presenting).toBe(false);
  });

  test('the bottom bar says "Enter adjusts it" only while the focus is on a control Enter grabs (the general hint did not fit at 1280×720)', () => {
    render(<Presentation slides={slides} />);
    const hint = screen.getByTestId('deck-hint');
    expect(hint).toHaveTextContent(/^\? keys$/);
    act(() => screen.getByRole('slider', { name: 'γ' }).focus());
    expect(hint).toHaveTextContent(/^Enter adjusts it$/);
    act(() => screen.getByRole('button', { name: 'Double γ' }).focus());
    expect(hint).toHaveTextContent(/^\? keys$/);
  });

  test('a caption that teaches ← → says Enter first in the deck (there ← → change the step until Enter), and not in the notebook', () => {
    const withCaption: SectionDef[] = [{ id: 'k', number: 1, title: 'Keys', steps: [{ id: 'k', title: 'Keys' }], Component: () => <p data-testid="cap">Tab to it and <ArrowKeys />.</p> }];
    const { unmount } = render(<Presentation slides={buildSlides(withCaption)} />);
    expect(screen.getByTestId('cap')).toHaveTextContent('Tab to it and press Enter, then ← →.');
    unmount();
    render(<p data-testid="cap">Tab to it and <ArrowKeys />.</p>);
    expect(screen.getByTestId('cap')).toHaveTextContent('Tab to it and use ← →.');
  });

  test('Previous and Next buttons navigate and are disabled at the ends', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(count()).toMatch(/^Step 2 of 5/);
    act(() => appStore.getState().setNav({ step: 4 }));
    expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();
    expect(title()).toBe('§3 Gamma');
  });

  test('Esc leaves presentation mode (and the step resets, so the link stays short)', async () => {
    const user = userEvent.setup();
    render(<Presentation slides={slides} />);
    await user.keyboard('{ArrowRight}{Escape}');
    expect(appStore.getState()).toMatchObject({ presenting: false, step: 0, section: 'pass' });
  });

  test('the root carries deck-shown (the deck\'s text size, fit.css) while the deck is on the page, and not after', () => {
    const { unmount } = render(<Presentation slides={slides} />);
    expect(document.documentElement).toHaveClass('deck-shown');
    unmount();
    expect(document.documentElement).not.toHaveClass('deck-shown');
  });

  test('a step number beyond the deck shows the last step', () => {
    appStore.setState({ step: 99 });
    render(<Presentation slides={slides} />);
    expect(count()).toMatch(/^Step 5 of 5/);
  });
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ReactNode } from 'react';
import type { SectionDef } from '../../../../app/notebook/registry';
import { Presentation } from '../../../../app/presentation/Presentation';
import { buildSlides } from '../../../../app/presentation/slides';
import { DeckChannelOpener, stamp, type DeckChannel } from '../../../../app/presentation/presenter/channel';
import type { DeckMessage } from '../../../../app/presentation/presenter/messages';
import { Presenter } from '../../../../app/presentation/presenter/Presenter';
import { appStore } from '../../../../app/state/store';
import { defaultValues } from '../../../../app/state/url/table';
import { memoryBus } from './memoryChannel';

const sections: SectionDef[] = [
  { id: 'a', number: 1, title: 'Alpha', steps: [{ id: 'a', title: 'Alpha', reveals: ['the guess', 'the answer'] }], Component: () => <p>Alpha’s panel</p> },
  { id: 'p', number: 2, title: 'The pass', steps: [{ id: 'p1', title: 'Z = WX' }, { id: 'p2', title: 'A = ReLU(Z)' }], Component: () => <p>The pass</p> },
];
const slides = buildSlides(sections);

/** Lets the in-memory channel deliver (a microtask per hop, the validator loaded on the first message) and React render what arrived. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 3; i++) {
      await vi.dynamicImportSettled();
      for (let j = 0; j < 5; j++) await Promise.resolve();
    }
  });

let bus: ReturnType<typeof memoryBus>;
const withBus = (node: ReactNode, open: () => DeckChannel | null = bus.open) => <DeckChannelOpener.Provider value={open}>{node}</DeckChannelOpener.Provider>;

/** The projected deck and the presenter's window, each in its own container, on one channel. */
function renderBoth() {
  const deck = render(withBus(<Presentation slides={slides} />));
  const presenter = render(withBus(<Presenter />));
  return { deck: within(deck.container), presenter: within(presenter.container), unmountDeck: deck.unmount };
}

beforeEach(() => {
  bus = memoryBus();
  appStore.setState({ ...defaultValues(), presenting: true, step: 0, part: 0 });
});
afterEach(() => vi.useRealTimers());

describe('the presenter’s window and the projected deck, on one in-memory channel (3-step deck)', () => {
  test('the presenter shows the deck’s step, its parts, the next step and the note', async () => {
    const { presenter } = renderBoth();
    await settle();
    expect(presenter.getByTestId('presenter-link')).toHaveTextContent('Connected to the presentation.');
    expect(presenter.getByTestId('presenter-count')).toHaveTextContent('Now: step 1 of 3');
    expect(presenter.getByText('§1', { selector: '.presenter-now-section' }).parentElement).toHaveTextContent('§1 Alpha');
    // The pad holds a live copy of the deck (this app in a frame), and one of the next step.
    expect(presenter.getByTestId('presenter-mirror-current')).toHaveAttribute('src', '?mirror=current');
    expect(presenter.getByTestId('presenter-mirror-next')).toHaveAttribute('src', '?mirror=next');
    expect(presenter.getByTestId('presenter-parts')).toHaveTextContent('0 of 2 parts shown; next reveals the guess.');
    expect(presenter.getByTestId('presenter-next')).toHaveTextContent('Step 2 · §2 The passZ = WX');
    expect(presenter.getByTestId('presenter-note')).toHaveTextContent('Before → ask the class to predict the guess and the answer, then reveal them one by one.');
  });

  test('Reveal, then Next in the presenter move the projected deck, through its own actions', async () => {
    const { deck, presenter } = renderBoth();
    await settle();
    fireEvent.click(presenter.getByRole('button', { name: 'Reveal' }));
    await settle();
    expect(appStore.getState().part).toBe(1);
    expect(presenter.getByTestId('presenter-parts')).toHaveTextContent('1 of 2 parts shown; next reveals the answer.');
    // Next reveals the last part first (as → does), then moves on.
    fireEvent.click(presenter.getByRole('button', { name: 'Next →' }));
    await settle();
    expect(appStore.getState().part).toBe(2);
    expect(presenter.getByRole('button', { name: 'Reveal' })).toBeDisabled();
    fireEvent.click(presenter.getByRole('button', { name: 'Next →' }));
    await settle();
    expect(deck.getByText(/^Step 2 of 3/)).toBeInTheDocument();
    expect(presenter.getByTestId('presenter-count')).toHaveTextContent('Now: step 2 of 3');
    expect(presenter.getByTestId('presenter-note')).toHaveTextContent('No note for this step.');
    fireEvent.click(presenter.getByRole('button', { name: '← Previous' }));
    await settle();
    expect(appStore.getState()).toMatchObject({ step: 0, part: 2 });
  });

  test('the deck moved by its own buttons: the presenter follows; on the last step Next is off', async () => {
    const { deck, presenter } = renderBoth();
    await settle();
    act(() => appStore.getState().setNav({ step: 2, section: 'p' }));
    await settle();
    expect(deck.getByText(/^Step 3 of 3/)).toBeInTheDocument();
    expect(presenter.getByTestId('presenter-count')).toHaveTextContent('Now: step 3 of 3');
    expect(presenter.getByText('This is the last step.')).toBeInTheDocument();
    expect(presenter.getByRole('button', { name: 'Next →' })).toBeDisabled();
  });

  test('a pointer moved over the presenter’s screen shows the dot at the same place of the deck, gone 2 s after it stops', async () => {
    const { presenter } = renderBoth();
    await settle();
    const pad = presenter.getByTestId('presenter-screen');
    pad.getBoundingClientRect = () => ({ left: 100, top: 50, width: 400, height: 225, right: 500, bottom: 275, x: 100, y: 50, toJSON: () => ({}) });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    fireEvent.pointerMove(pad, { clientX: 200, clientY: 95 });
    await settle();
    const dot = screen.getByTestId('deck-pointer');
    expect(dot).toHaveAttribute('aria-hidden', 'true');
    expect(dot.style.left).toBe('25%');
    expect(dot.style.top).toBe('20%');
    act(() => vi.advanceTimersByTime(1500));
    fireEvent.pointerMove(pad, { clientX: 300, clientY: 162.5 });
    await settle();
    act(() => vi.advanceTimersByTime(1500));
    // 1.5 s after the last move: still there, at the new place.
    expect(screen.getByTestId('deck-pointer').style.left).toBe('50%');
    act(() => vi.advanceTimersByTime(600));
    expect(screen.queryByTestId('deck-pointer')).toBeNull();
  });

  test('the deck closing says so in the presenter, and its controls go off', async () => {
    const { presenter, unmountDeck } = renderBoth();
    await settle();
    unmountDeck();
    await settle();
    expect(presenter.getByTestId('presenter-link')).toHaveTextContent(/The presentation has closed/);
    expect(presenter.getByRole('button', { name: 'Next →' })).toBeDisabled();
    // Where it was stays on screen.
    expect(presenter.getByTestId('presenter-count')).toHaveTextContent('Now: step 1 of 3');
  });

  test('a presenter opened later asks, and the deck answers with where it is', async () => {
    render(withBus(<Presentation slides={slides} />));
    act(() => appStore.getState().setNav({ step: 1, section: 'p' }));
    await settle();
    const late = within(render(withBus(<Presenter />)).container);
    await settle();
    expect(late.getByTestId('presenter-count')).toHaveTextContent('Now: step 2 of 3');
  });
});

describe('the deck’s P and L', () => {
  test('P opens the presenter’s window on this page (relative address, one named window); a blocked pop-up is said', async () => {
    const opened = { focus: vi.fn() } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValueOnce(opened).mockReturnValueOnce(null);
    render(withBus(<Presentation slides={slides} />));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'p' });
    expect(open).toHaveBeenCalledWith('?presenter=1', 'bn-live-presenter', 'popup,width=1366,height=768');
    expect(opened.focus).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Presenter' }));
    expect(open).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('deck-status')).toHaveTextContent('The browser blocked the presenter’s window: allow pop-ups here, or open ?presenter=1 in a new window.');
    open.mockRestore();
  });

  test('L (or Pointer) turns the laser pointer on: the dot follows the pointer over the window, as fractions of it', () => {
    render(withBus(<Presentation slides={slides} />));
    const toggle = screen.getByRole('button', { name: 'Pointer' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.pointerMove(window, { clientX: 100, clientY: 100 });
    expect(screen.queryByTestId('deck-pointer')).toBeNull();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'l' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    fireEvent.pointerMove(window, { clientX: window.innerWidth / 4, clientY: window.innerHeight / 2 });
    expect(screen.getByTestId('deck-pointer').style.left).toBe('25%');
    expect(screen.getByTestId('deck-pointer').style.top).toBe('50%');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
});

/** The deck's end of the channel: what it heard, and a way to speak. */
function scriptedDeck() {
  const end = bus.open();
  const heard: DeckMessage[] = [];
  end.listen((d) => heard.push(d as DeckMessage));
  const say = (m: unknown) => act(() => end.post(m));
  return { heard, say, commands: () => heard.filter((m) => m.type === 'command').map((m) => (m.type === 'command' ? m.command : '')) };
}

describe('a copy of the deck in the presenter’s window (mirror), against a scripted deck', () => {
  const at = (step: number, part: number) =>
    stamp({ type: 'state', current: { index: step - 1, section: '§2', title: 'x', reveals: [] }, next: null, part, total: 3, theme: 'dark', viewport: { width: 1280, height: 720 }, query: `v=1&present=1&step=${step}&part=${part}&theme=dark` });

  test.each([
    ['current', 'Step 2 of 3'],
    ['next', 'Step 3 of 3'],
  ] as const)('the %s step’s copy asks where the deck is, then shows %s with the deck’s theme; it sends nothing else', async (mirror, shown) => {
    const deck = scriptedDeck();
    render(withBus(<Presentation slides={slides} mirror={mirror} />));
    await settle();
    expect(deck.heard).toEqual([{ v: 1, type: 'hello' }]);
    deck.say(at(2, 0));
    await settle();
    expect(screen.getByText(new RegExp(`^${shown}`))).toBeInTheDocument();
    expect(appStore.getState()).toMatchObject({ theme: 'dark', mirror, presenting: true });
    deck.say(stamp({ type: 'pointer', at: { x: 0.5, y: 0.5 } }));
    await settle();
    // The class's dot shows on the copy of the current step only.
    expect(screen.queryByTestId('deck-pointer') !== null).toBe(mirror === 'current');
    expect(deck.heard).toHaveLength(1);
  });
});

describe('the presenter’s window against a scripted deck', () => {
  const state = stamp({ type: 'state', current: { index: 0, section: '§1', title: 'Alpha', reveals: ['x'] }, next: null, part: 0, total: 1, theme: 'light', viewport: { width: 1280, height: 720 }, query: '' });

  test('says hello on opening; ignores what is not a valid message; keys → Space ← R send commands', async () => {
    const deck = scriptedDeck();
    render(withBus(<Presenter />));
    await settle();
    expect(deck.heard[0]).toEqual({ v: 1, type: 'hello' });
    deck.say({ v: 2, type: 'state' });
    deck.say('next');
    await settle();
    expect(screen.getByTestId('presenter-link')).toHaveAttribute('data-status', 'waiting');
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    await settle();
    expect(deck.commands()).toEqual([]); // nothing to drive yet
    deck.say(state);
    await settle();
    for (const key of ['ArrowRight', ' ', 'ArrowLeft', 'r', 'o']) fireEvent.keyDown(document.body, { key });
    await settle();
    expect(deck.commands()).toEqual(['next', 'next', 'previous', 'reveal']);
  });

  test('silent for 6 s, the deck is reported lost; a browser without BroadcastChannel is told so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const deck = scriptedDeck();
    render(withBus(<Presenter />));
    deck.say(state);
    await settle();
    expect(screen.getByTestId('presenter-link')).toHaveAttribute('data-status', 'live');
    act(() => vi.advanceTimersByTime(6000));
    expect(screen.getByTestId('presenter-link')).toHaveTextContent(/does not answer/);
    const none = within(render(withBus(<Presenter />, () => null)).container);
    expect(none.getByTestId('presenter-link')).toHaveTextContent(/no BroadcastChannel/);
  });

  test('the timer: Start, 61 s → 1:01 and one minute said; Pause holds it; Reset → 0:00', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    render(withBus(<Presenter />));
    const time = screen.getByRole('timer');
    expect(time).toHaveTextContent('0:00');
    expect(screen.getByRole('button', { name: 'Reset the timer' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Start the timer' }));
    act(() => vi.advanceTimersByTime(59_000));
    expect(time).toHaveTextContent('0:59');
    expect(screen.getByTestId('presenter-minutes')).toHaveTextContent('Elapsed: 0 minutes');
    act(() => vi.advanceTimersByTime(2_000));
    expect(time).toHaveTextContent('1:01');
    expect(screen.getByTestId('presenter-minutes')).toHaveTextContent('Elapsed: 1 minute');
    fireEvent.click(screen.getByRole('button', { name: 'Pause the timer' }));
    act(() => vi.advanceTimersByTime(30_000));
    expect(time).toHaveTextContent('1:01');
    fireEvent.click(screen.getByRole('button', { name: 'Resume the timer' }));
    act(() => vi.advanceTimersByTime(10_000));
    expect(time).toHaveTextContent('1:11');
    fireEvent.click(screen.getByRole('button', { name: 'Reset the timer' }));
    expect(time).toHaveTextContent('0:00');
    // Only the minutes line is live; the ticking time is not read out.
    expect(screen.getByTestId('presenter-minutes')).toHaveAttribute('aria-live', 'polite');
    expect(time).not.toHaveAttribute('aria-live');
  });
});

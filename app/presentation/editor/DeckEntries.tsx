import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { STEPS } from '../../outline';
import { NOTE_MAX, placeOf, type Deck, type DeckEntry } from '../../state/deck/deck';
import { capturePin, describePin } from '../../state/deck/pins';
import { appStore } from '../../state/store';
import { URL_TABLE, urlValues } from '../../state/url/table';
import { stepLabels } from '../numbering';
import { moveBy, removeAt, setNote, setPin } from './draft';

interface Props {
  deck: Deck;
  onChange: (deck: Deck) => void;
  /** Announces what a button did (a live region of the editor). */
  say: (message: string) => void;
}

/** An entry's step as the deck names it ("§11 The forward pass, step by step · Z₁ = W₁X"). */
function titleOf(entry: DeckEntry): string {
  const place = placeOf(entry, STEPS);
  return place ? stepLabels(place).full : `${entry.section} / ${entry.step}`;
}

/** Which control of an entry had the keyboard, so it keeps it when the entry moves. */
type Role = 'up' | 'down' | 'pin' | 'unpin' | 'remove' | 'note';

/**
 * The deck being edited, in order: each step with its note, its pinned settings, and buttons to move
 * it up or down (also Alt+↑ and Alt+↓ anywhere in the entry), pin the page's current settings to it,
 * unpin it, or remove it. The keyboard follows a moved entry.
 */
export function DeckEntries({ deck, onChange, say }: Props) {
  const headingId = useId();
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<{ at: number; role: Role } | null>(null);
  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (!next) return;
    const target = list.current?.querySelector<HTMLElement>(`[data-entry="${next.at}"] [data-role="${next.role}"]`);
    (target ?? heading.current)?.focus();
  }, [deck]);

  const move = (i: number, by: number, role: Role) => {
    const { deck: moved, at } = moveBy(deck, i, by);
    if (at === i) return say(by < 0 ? `Step ${i + 1} is already the first.` : `Step ${i + 1} is already the last.`);
    focusNext.current = { at, role };
    onChange(moved);
    say(`Moved to step ${at + 1} of ${deck.length}.`);
  };
  const remove = (i: number) => {
    focusNext.current = { at: Math.min(i, deck.length - 2), role: 'remove' };
    onChange(removeAt(deck, i));
    say(`Removed step ${i + 1}; the deck has ${deck.length - 1} ${deck.length === 2 ? 'step' : 'steps'}.`);
  };
  const pin = (i: number) => {
    const p = capturePin(urlValues(appStore.getState()), URL_TABLE);
    focusNext.current = { at: i, role: 'pin' };
    onChange(setPin(deck, i, p));
    say(`Step ${i + 1} pinned: ${describePin(p)}.`);
  };
  const unpin = (i: number) => {
    focusNext.current = { at: i, role: 'pin' };
    onChange(setPin(deck, i, null));
    say(`Step ${i + 1} is no longer pinned.`);
  };
  const clear = () => {
    focusNext.current = { at: -1, role: 'remove' }; // no such entry: the heading takes the keyboard
    onChange([]);
    say('Removed every step: the presentation shows every step of the notebook.');
  };
  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const role = ((e.target as HTMLElement).dataset.role as Role | undefined) ?? 'note';
    move(i, e.key === 'ArrowUp' ? -1 : 1, role);
  };

  return (
    <section className="deck-entries" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Your deck: {deck.length === 0 ? 'every step' : `${deck.length} ${deck.length === 1 ? 'step' : 'steps'}`}
      </h3>
      {deck.length === 0 ? (
        <p className="deck-entries-empty">No step chosen: the presentation shows every step of the notebook. Add steps from the list.</p>
      ) : (
        <button type="button" className="deck-entries-clear" onClick={clear}>
          Remove all
        </button>
      )}
      <ol ref={list}>
        {deck.map((entry, i) => (
          // A step may be in the deck twice: its place is the key.
          <li key={i} data-entry={i} onKeyDown={onKeyDown(i)}>
            <EntryRow
              n={i + 1}
              title={titleOf(entry)}
              entry={entry}
              actions={{ move: (by, role) => move(i, by, role), pin: () => pin(i), unpin: () => unpin(i), remove: () => remove(i), note: (text) => onChange(setNote(deck, i, text)) }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

interface EntryActions {
  move: (by: number, role: Role) => void;
  pin: () => void;
  unpin: () => void;
  remove: () => void;
  note: (text: string) => void;
}

/** One step of the deck: its number and title, its note, its buttons, what it pins. */
function EntryRow({ n, title, entry, actions }: { n: number; title: string; entry: DeckEntry; actions: EntryActions }) {
  return (
    <>
      <p className="deck-entry-title">
        <span className="deck-entry-number">{n}</span> {title}
      </p>
      <input
        type="text"
        data-role="note"
        aria-label={`Note for step ${n}`}
        placeholder="A note for this step"
        maxLength={NOTE_MAX}
        value={entry.note}
        aria-describedby={`deck-note-count-${n}`}
        onChange={(e) => actions.note(e.target.value)}
      />
      <span id={`deck-note-count-${n}`} className="deck-note-count" data-full={entry.note.length >= NOTE_MAX || undefined}>
        {entry.note.length} / {NOTE_MAX} characters
      </span>
      <div className="deck-entry-actions">
        <button type="button" data-role="up" aria-label={`Move step ${n} up`} aria-keyshortcuts="Alt+ArrowUp" onClick={() => actions.move(-1, 'up')}>
          ↑
        </button>
        <button type="button" data-role="down" aria-label={`Move step ${n} down`} aria-keyshortcuts="Alt+ArrowDown" onClick={() => actions.move(1, 'down')}>
          ↓
        </button>
        <button type="button" data-role="pin" aria-label={`Pin settings to step ${n}`} onClick={actions.pin}>
          Pin settings
        </button>
        {entry.pin && (
          <button type="button" data-role="unpin" aria-label={`Unpin step ${n}`} onClick={actions.unpin}>
            Unpin
          </button>
        )}
        <button type="button" data-role="remove" aria-label={`Remove step ${n}`} onClick={actions.remove}>
          Remove
        </button>
      </div>
      {entry.pin && <p className="deck-entry-pin">Pinned: {describePin(entry.pin)}</p>}
    </>
  );
}

import { useId } from 'react';
import { OUTLINE, STEPS, type StepPlace } from '../../outline';
import type { Deck } from '../../state/deck/deck';
import { stepLabels } from '../numbering';

interface Props {
  deck: Deck;
  /** The deck holds DECK_MAX steps: nothing more can be added. */
  full: boolean;
  onAdd: (place: StepPlace) => void;
}

/** The notebook's sections, each with its steps, in the order of the notes. */
const GROUPS = OUTLINE.map((section) => ({ section, places: STEPS.filter((p) => p.sectionId === section.id) }));

/** "once", "twice", "3 times". */
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * Every step of the notebook by section, each a button that adds it to the end of the deck; a step
 * already in the deck is marked (✓, and in its name).
 */
export function StepPicker({ deck, full, onAdd }: Props) {
  const headingId = useId();
  const count = (p: StepPlace) => deck.filter((e) => e.section === p.sectionId && e.step === p.step.id).length;
  return (
    <section className="deck-picker" aria-labelledby={headingId}>
      <h3 id={headingId}>All steps</h3>
      <ul className="deck-picker-sections">
        {GROUPS.map(({ section, places }) => (
          <li key={section.id}>
            {places.length > 1 && (
              <span className="deck-picker-section">
                §{section.number} {section.title}
              </span>
            )}
            <ul>
              {places.map((place) => {
                const n = count(place);
                const text = places.length > 1 ? place.step.title : `§${section.number} ${section.title}`;
                return (
                  <li key={place.step.id}>
                    <button type="button" disabled={full} aria-label={`Add ${stepLabels(place).full}${n > 0 ? ` (in the deck ${times(n)})` : ''}`} onClick={() => onAdd(place)}>
                      <span aria-hidden="true">+</span> {text}
                      {n > 0 && (
                        <span className="deck-picker-count" aria-hidden="true">
                          {' '}
                          ✓{n > 1 ? n : ''}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useCallback, useState } from 'react';
import { CopyLink } from '../../shell/CopyLink';
import { DECK_MAX, type Deck } from '../../state/deck/deck';
import { deckLinkValues } from '../../state/deck/deckLink';
import { appStore, type State } from '../../state/store';
import { linkFor } from '../../state/url/serialize';
import { urlValues } from '../../state/url/table';
import { DeckDialog } from '../DeckDialog';
import { presentDeck, saveDeck } from './applyDeck';
import { DeckEntries } from './DeckEntries';
import { addStep } from './draft';
import { StepPicker } from './StepPicker';
import './editor.css';

/**
 * The instructor's deck editor, over the notebook or the presentation: the deck being edited (a
 * draft, from the page's deck), every step to add to it, and what to do with it — present it, save
 * it into the page's link, copy its link. Esc or Close leaves the page's deck as it was.
 */
export function DeckEditor({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<Deck>(() => appStore.getState().deck);
  const [said, say] = useState('');
  const linkOf = useCallback((s: State) => linkFor(deckLinkValues(urlValues(s), draft), window.location), [draft]);
  const full = draft.length >= DECK_MAX;
  return (
    <DeckDialog title="Your own deck" closeKeys={[]} onClose={onClose} className="deck-editor">
      <p className="deck-editor-intro">
        Choose the steps to present and their order, with a one-line note for each. <strong>Pin settings</strong> keeps the page’s current settings (seed,
        sliders, dragged points, the lab’s) with a step: the deck applies them when it enters that step.
      </p>
      <div className="deck-editor-actions">
        <button
          type="button"
          className="deck-editor-present"
          onClick={() => {
            presentDeck(appStore, draft);
            onClose();
          }}
        >
          ▶ Present this deck
        </button>
        <button
          type="button"
          onClick={() => {
            saveDeck(appStore, draft);
            say('Saved: the page’s link holds this deck.');
          }}
        >
          Save
        </button>
        <CopyLink linkOf={linkOf} label="Copy the deck’s link" />
        <span className="deck-editor-length">Link: {linkOf(appStore.getState()).length.toLocaleString('en')} characters</span>
      </div>
      <p className="deck-editor-status" role="status" aria-live="polite">
        {said}
      </p>
      <div className="deck-editor-columns">
        <DeckEntries deck={draft} onChange={setDraft} say={say} />
        <StepPicker
          deck={draft}
          full={full}
          onAdd={(place) => {
            const next = addStep(draft, place);
            setDraft(next);
            say(next.length === DECK_MAX ? `Added as step ${next.length}; the deck is full (${DECK_MAX} steps).` : `Added as step ${next.length}.`);
          }}
        />
      </div>
    </DeckDialog>
  );
}

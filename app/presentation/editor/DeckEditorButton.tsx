import { useRef, useState } from 'react';
import { useAppState } from '../../state/store';
import { DeckEditor } from './DeckEditor';

/** The notebook's way into the deck editor: "Your deck", with the number of steps of the page's own deck. */
export function DeckEditorButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const steps = useAppState((s) => s.deck.length);
  return (
    <>
      <button type="button" ref={button} onClick={() => setOpen(true)} aria-haspopup="dialog">
        Your deck{steps > 0 ? ` (${steps})` : ''}
      </button>
      {open && (
        <DeckEditor
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

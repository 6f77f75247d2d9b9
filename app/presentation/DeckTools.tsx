import { useStore } from 'zustand';
import { ThemeButton } from '../shell/ThemeButton';
import type { StepPlace } from '../outline';
import { useDeckNote } from './activeDeck';
import { DeckDialog } from './DeckDialog';
import { DeckEditor } from './editor/DeckEditor';
import { jumpPrompt } from './jump';
import { Overview } from './Overview';
import type { DeckControls } from './useDeckControls';
import './deckTools.css';

/** The deck's own buttons in its bottom bar: the step's note (if it has one), the overview, the laser pointer, the theme, the keys. */
export function DeckTools({ controls }: { controls: DeckControls }) {
  const { act, ui } = controls;
  const laser = useStore(ui, (s) => s.laser);
  const note = useDeckNote();
  const shown = useStore(ui, (s) => s.note);
  return (
    <>
      {note && (
        <button type="button" onClick={() => ui.setState({ note: !shown })} aria-pressed={shown}>
          Note
        </button>
      )}
      <button type="button" onClick={() => act('overview')} aria-keyshortcuts="O">
        Overview
      </button>
      <button type="button" onClick={() => act('laser')} aria-keyshortcuts="L" aria-pressed={laser} title="Laser pointer: a large dot where the mouse is">
        Pointer
      </button>
      <ThemeButton shortcut onCycle={() => act('theme')} />
      <button type="button" onClick={() => act('help')} aria-keyshortcuts="Shift+?">
        Keys
      </button>
    </>
  );
}

/** Opens the presenter's window (top bar, beside the other windows' buttons). */
export function PresenterButton({ controls }: { controls: DeckControls }) {
  return (
    <button type="button" className="deck-presenter-button" onClick={() => controls.act('presenter')} aria-keyshortcuts="P" title="The presenter’s window: this step, the next, a note, a timer">
      Presenter
    </button>
  );
}

/** The deck editor's button, in the deck's top bar. */
export function EditDeckButton({ controls }: { controls: DeckControls }) {
  return (
    <button type="button" onClick={() => controls.ui.setState({ overlay: 'editor' })} aria-haspopup="dialog">
      Edit deck
    </button>
  );
}

/** The step's note, above the bottom bar, while the Note button is pressed (and the step has one). */
export function DeckNote({ controls }: { controls: DeckControls }) {
  const note = useDeckNote();
  const shown = useStore(controls.ui, (s) => s.note);
  if (!note || !shown) return null;
  return (
    <p className="deck-note" data-testid="deck-note">
      <strong>Note:</strong> {note}
    </p>
  );
}

/**
 * One line that says what the keyboard is doing: the step number being typed ("Go to step 12_"),
 * the control being adjusted, or the deck's last message. A live region, so it is heard too.
 */
export function DeckStatus({ controls }: { controls: DeckControls }) {
  const typed = useStore(controls.ui, (s) => s.typed);
  const message = useStore(controls.ui, (s) => s.message);
  const grabbed = controls.grab.name;
  const text = typed ? jumpPrompt(typed) : grabbed ? `Adjusting ${grabbed}: ← → change it · Esc lets go` : message;
  const kind = typed ? 'typing' : grabbed ? 'grabbed' : 'message';
  return (
    <p className="deck-status" title={text || undefined} data-kind={text ? kind : undefined} role="status" aria-live="polite" data-testid="deck-status">
      {text}
    </p>
  );
}

/** What covers the step: the overview, the list of keys, the deck editor, or the blank screen. */
export function DeckLayers({ controls, slides, current }: { controls: DeckControls; slides: readonly StepPlace[]; current: number }) {
  const overlay = useStore(controls.ui, (s) => s.overlay);
  const blank = useStore(controls.ui, (s) => s.blank);
  return (
    <>
      {overlay === 'overview' && <Overview slides={slides} current={current} onPick={controls.pick} onClose={controls.closeOverlay} />}
      {overlay === 'help' && <KeysHelp onClose={controls.closeOverlay} />}
      {overlay === 'editor' && <DeckEditor onClose={controls.closeOverlay} />}
      {blank && (
        // Any key brings the step back too (see routeKey); the click is for the mouse.
        <div className="deck-blank" data-testid="deck-blank" onClick={() => controls.act('unblank')}>
          <span className="deck-sr">The screen is blank. Press any key to bring the step back.</span>
        </div>
      )}
    </>
  );
}

const KEYS: readonly [keys: string[], what: string][] = [
  [['→', 'Space', 'PgDn'], 'next: first what is below, then the step’s next hidden part, then the next step'],
  [['←', 'Shift+Space', 'PgUp'], 'previous: hide the last part shown, then the step before'],
  [['Home', 'End'], 'first, last step'],
  [['12', 'Enter'], 'go to step 12 (any number)'],
  [['O'], 'overview of all steps'],
  [['↓', '↑'], 'scroll a tall step'],
  [['B', '.'], 'blank the screen; any key or a click brings it back'],
  [['T'], 'theme: System, Light, Dark, Projector (high contrast)'],
  [['F'], 'full screen'],
  [['P'], 'presenter’s window: this step, the next, a note, a timer; its controls drive this screen'],
  [['L'], 'laser pointer: a large dot follows the mouse (gone after 2 s still)'],
  [['+', '−'], 'larger, smaller text (the step reflows)'],
  [['Enter'], 'on a slider, a point or a menu: adjust it with the arrow keys (Esc lets go); on a button: press it'],
  [['Esc'], 'let go of a control; else leave the presentation'],
  [['?'], 'this list'],
];

/** The keys of the deck, one line each (the ? key). */
function KeysHelp({ onClose }: { onClose: () => void }) {
  return (
    <DeckDialog title="Keys" closeKeys={['?']} onClose={onClose} className="deck-help">
      <dl className="keys-help">
        {KEYS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </DeckDialog>
  );
}

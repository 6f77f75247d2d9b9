import { useId } from 'react';
import { useAppState } from '../state/store';
import { useShallow } from 'zustand/react/shallow';
import { labSettingsOf } from './model/labSettings';
import { type LabPreset, PRESETS, presetOf } from './model/presets';
import { labController } from './controller';

const KIND_TAG: Readonly<Record<LabPreset['kind'], string | null>> = { helps: null, 'no-help': 'BN does not help', hurts: 'BN hurts' };

/** Loads a preset's settings and starts its run at once. */
export const loadPreset = (p: LabPreset): void => labController().load(p.settings, true);

/**
 * Named setups, each with one sentence on what it shows; two are where BN does not help, and say
 * so. The one the settings match is pressed.
 */
export function Presets() {
  const current = presetOf(useAppState(useShallow(labSettingsOf)));
  const id = useId();
  return (
    <div className="lab-presets" role="group" aria-label="Presets">
      {PRESETS.map((p) => {
        const tag = KIND_TAG[p.kind];
        return (
          <div key={p.id} className={`lab-preset lab-preset-${p.kind}`}>
            <button type="button" aria-pressed={current?.id === p.id} aria-describedby={`${id}-${p.id}`} onClick={() => loadPreset(p)} data-testid={`preset-${p.id}`}>
              {p.name}
              {tag && ' · '}
              {tag && <span className="lab-preset-tag">{tag}</span>}
            </button>
            <p className="lab-preset-shows" id={`${id}-${p.id}`}>
              {p.shows}
            </p>
          </div>
        );
      })}
    </div>
  );
}

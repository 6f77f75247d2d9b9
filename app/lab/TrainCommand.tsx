import { useShallow } from 'zustand/react/shallow';
import { labSettingsOf, trainCommand } from './model/labSettings';
import { useAppState } from '../state/store';
import { useRun } from './runStore';

/** The same run in a terminal: `npm run train` with these settings prints the same numbers. */
export function TrainCommand() {
  const controls = useAppState(useShallow(labSettingsOf));
  const step = useRun((s) => s.step);
  const command = trainCommand(controls, Math.max(step, 1000));
  return (
    <p className="lab-command">
      The same run in a terminal, number for number: <code data-testid="lab-command">{command}</code>
    </p>
  );
}

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
      The same run in a terminal, number for number:{' '}
      <code data-testid="lab-command">
        {/* A line breaks only between flags, never inside "--lr 0.1"; the text copies as one command. */}
        {command.split(/ (?=--[a-z])/).map((group, i) => (
          <span key={i}>
            {i > 0 && ' '}
            <span className="lab-command-part">{group}</span>
          </span>
        ))}
      </code>
    </p>
  );
}

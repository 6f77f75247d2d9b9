import { Slider } from '../ui/Slider';
import { fmt } from '../ui/format';
import { nearestIndex } from './model/labScales';

interface Props {
  label: string;
  value: number;
  steps: readonly number[];
  onChange: (value: number) => void;
  testId?: string;
}

/** A slider over a list of values; shows (and announces) the value itself, even one off the list. */
export function SteppedSlider({ label, value, steps, onChange, testId }: Props) {
  return (
    <Slider
      label={label}
      value={nearestIndex(steps, value)}
      min={0}
      max={steps.length - 1}
      step={1}
      onChange={(i) => onChange(steps[i])}
      format={() => fmt(value, 4)}
      valueText={(i) => fmt(i === nearestIndex(steps, value) ? value : steps[i], 4)}
      testId={testId}
    />
  );
}

import { Slider } from './Slider';
import { fmt } from './format';

/**
 * The index of the listed value nearest to `v`: the value itself if listed; else nearest on a log
 * scale among the positive values (0 and negative values go to the nearest by difference).
 */
export function nearestListIndex(values: readonly number[], v: number): number {
  const exact = values.indexOf(v);
  if (exact >= 0) return exact;
  const distance = (x: number) => (x > 0 && v > 0 ? Math.abs(Math.log(x / v)) : Math.abs(x - v) + (x > 0 || v > 0 ? 1e6 : 0));
  let best = 0;
  for (let i = 1; i < values.length; i++) if (distance(values[i]) < distance(values[best])) best = i;
  return best;
}

interface Props {
  label: string;
  value: number;
  /** The values the slider steps through, in increasing order (0 allowed). */
  values: readonly number[];
  onChange: (value: number) => void;
  /** How the value is printed beside the slider (and announced). */
  format?: (value: number) => string;
  testId?: string;
}

/** A slider over a list of values (1-2-5 steps with 0 at the bottom, say); shows the value itself, even one off the list. */
export function ListSlider({ label, value, values, onChange, format = (v) => fmt(v, 4), testId }: Props) {
  const at = nearestListIndex(values, value);
  return (
    <Slider
      label={label}
      value={at}
      min={0}
      max={values.length - 1}
      step={1}
      onChange={(i) => onChange(values[i])}
      format={() => format(value)}
      valueText={(i) => format(i === at ? value : values[i])}
      testId={testId}
    />
  );
}

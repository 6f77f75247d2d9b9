import { fromLogPosition, logBounds, toLogPosition, type LogScaleSpec } from './logScale';
import { fmt } from './format';
import { Slider } from './Slider';
import './LogSlider.css';

interface Props {
  label: string;
  value: number;
  spec: LogScaleSpec;
  onChange: (value: number) => void;
  testId?: string;
}

/** A slider over powers of ten (optionally with an exact 0 at the bottom), showing the value itself. */
export function LogSlider({ label, value, spec, onChange, testId }: Props) {
  const [min, max] = logBounds(spec);
  const show = (pos: number) => fmt(fromLogPosition(pos, spec), 2);
  return (
    <div className="log-slider">
      <Slider
        label={label}
        value={toLogPosition(value, spec)}
        min={min}
        max={max}
        step={spec.step}
        onChange={(pos) => onChange(fromLogPosition(pos, spec))}
        format={() => fmt(value, 2)}
        valueText={show}
        testId={testId}
      />
    </div>
  );
}

import { Equation } from './Equation';
import './EquationPair.css';

interface Props {
  /** The equation in symbols. */
  symbolic: string;
  /**
   * The same equation with this batch's numbers, recomputed on every change. Several parts are laid
   * side by side and wrap as whole units on a narrow screen.
   */
  numeric: string | readonly string[];
  /** Spoken form of the numeric equation. */
  label?: string;
  testId?: string;
}

/** An equation twice: in symbols, and with the engine's current numbers substituted. */
export function EquationPair({ symbolic, numeric, label, testId }: Props) {
  return (
    <div className="eq-pair">
      <div className="eq-row">
        <span className="eq-tag">in symbols</span>
        <Equation tex={symbolic} />
      </div>
      <div className="eq-row eq-live" data-testid={testId}>
        <span className="eq-tag">with this batch</span>
        {/* Inline mode in display style: KaTeX may then break the line after "=", so long chains of
            numbers wrap on a phone instead of running off the screen. */}
        <div className="eq-parts">
          {(typeof numeric === 'string' ? [numeric] : numeric).map((part, i) => (
            <Equation key={i} tex={`\\displaystyle ${part}`} label={i === 0 ? label : undefined} display={false} />
          ))}
        </div>
      </div>
    </div>
  );
}

import { Equation } from './Equation';
import { ScrollX } from './ScrollX';

interface Props {
  tex: string;
  /** Accessible description (also names the scroll region when the equation is wider than the screen). */
  label?: string;
}

/** A display equation that scrolls sideways, keyboard included, when it is wider than the screen. */
export function ScrollEquation({ tex, label }: Props) {
  return (
    <ScrollX label={label ?? 'Equation'} watch={tex}>
      <Equation tex={tex} label={label} />
    </ScrollX>
  );
}

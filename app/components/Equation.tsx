import katex from 'katex';
import { useMemo } from 'react';

interface Props {
  /** TeX source; built by the app from engine numbers, never from user text. */
  tex: string;
  display?: boolean;
  /** Accessible description when the TeX alone reads poorly. */
  label?: string;
}

/** A KaTeX-typeset equation. KaTeX also emits MathML, which screen readers read. */
export function Equation({ tex, display = true, label }: Props) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' }),
    [tex, display],
  );
  const Tag = display ? 'div' : 'span';
  // role="math" gives the label a valid home (aria-label on a plain div is not allowed).
  return (
    <Tag
      className={display ? 'equation' : 'equation-inline'}
      role={label ? 'math' : undefined}
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

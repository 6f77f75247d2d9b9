import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { DeckPart, ShownParts } from '../../../app/ui/DeckPart';

const parts = (
  <>
    <DeckPart until={0}>
      <p>formula</p>
    </DeckPart>
    <DeckPart from={1} until={1}>
      <p>numbers</p>
    </DeckPart>
    <DeckPart from={2}>
      <p>verdict</p>
    </DeckPart>
  </>
);
const visible = () => ['formula', 'numbers', 'verdict'].filter((t) => screen.getByText(t).closest('[hidden]') === null);

describe('DeckPart', () => {
  test('outside a presentation every part is there, with no wrapper (the notebook is unchanged)', () => {
    const { container } = render(parts);
    expect(visible()).toEqual(['formula', 'numbers', 'verdict']);
    expect(container.querySelector('.deck-part')).toBeNull();
  });

  test('in a presentation, a part shows from its part on and gives way after its last; hidden parts stay mounted', () => {
    const shown = (n: number) => (
      <ShownParts.Provider value={n}>{parts}</ShownParts.Provider>
    );
    const { rerender } = render(shown(0));
    expect(visible()).toEqual(['formula']);
    rerender(shown(1));
    expect(visible()).toEqual(['numbers']);
    rerender(shown(2));
    expect(visible()).toEqual(['verdict']);
    expect(screen.getByText('formula')).toBeTruthy();
  });
});

import { Profiler } from 'react';
import { act, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Equation } from '../../../app/ui/Equation';
import { onGesture } from '../../../app/ui/gesture';
import { loadKatex, typeset } from '../../../app/ui/typeset';

beforeAll(async () => {
  await loadKatex();
  onGesture(() => undefined); // starts the page's gesture listeners
});
afterEach(() => {
  window.dispatchEvent(new Event('pointerup'));
});

/** Renders an equation, counting the commits that rendered it. */
function renderCounted(tex: string) {
  let commits = 0;
  const tree = (t: string) => (
    <Profiler id="eq" onRender={() => commits++}>
      <Equation tex={t} />
    </Profiler>
  );
  const view = render(tree(tex));
  return { view, commits: () => commits, show: (t: string) => act(() => view.rerender(tree(t))) };
}

describe('Equation: one commit per change during a gesture', () => {
  test('during a drag each new TeX is typeset and shown in the render that brought it, with no second render per move', async () => {
    const { view, commits, show } = renderCounted('z_1 = 1.25');
    act(() => {
      window.dispatchEvent(new Event('pointerdown'));
    });
    const before = commits();
    const moves = ['z_1 = 1.50', 'z_1 = 1.75', 'z_1 = 2.00', 'z_1 = 2.25', 'z_1 = 2.50'];
    for (const t of moves) await show(t);
    // One render a move, and one more at the gesture's start (the deferred TeX set aside): not two a move.
    expect(commits() - before).toBeLessThanOrEqual(moves.length + 1);
    expect(view.container.querySelector('.equation')!.innerHTML).toBe(typeset('z_1 = 2.50', true));
  });

  test('without a gesture a new TeX is still shown (in a render of its own)', async () => {
    const { view, show } = renderCounted('z_2 = 1.25');
    await show('z_2 = 3.75');
    expect(view.container.querySelector('.equation')!.innerHTML).toBe(typeset('z_2 = 3.75', true));
  });
});

import { act, render, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { Turn } from '../../../app/ui/Turn';

/** What the page shows of parts a, b, c: each its content or its fallback. */
const shown = () => ['a', 'b', 'c'].map((id) => screen.queryByText(`part ${id}`) ? id : `(${id})`).join(' ');
/** Lets the turns' timers and React's transition run. */
const tick = () => act(() => new Promise((r) => setTimeout(r, 5)));

/** Parts a, b and c, each drawn in its turn (b optional); new parts each time, so none has been drawn before. */
function threeParts() {
  const [a, b, c] = [{}, {}, {}];
  return (withB: boolean) => (
    <>
      <Turn of={a} fallback={<p>(a)</p>}>
        <p>part a</p>
      </Turn>
      {withB && (
        <Turn of={b} fallback={<p>(b)</p>}>
          <p>part b</p>
        </Turn>
      )}
      <Turn of={c} fallback={<p>(c)</p>}>
        <p>part c</p>
      </Turn>
    </>
  );
}

test('parts that arrive together are drawn one per task, in order; one that leaves before its turn does not hold up the rest; a part drawn once is drawn at once again', async () => {
  const parts = threeParts();
  const view = render(parts(true));
  await act(async () => {}); // a's turn came at once; its transition commits
  expect(shown()).toBe('a (b) (c)');
  await tick();
  expect(shown()).toBe('a b (c)');
  await tick();
  expect(shown()).toBe('a b c');

  // Drawn before: a new instance of a, b or c draws at once.
  view.unmount();
  render(parts(true));
  expect(shown()).toBe('a b c');
});

test('a part that leaves while waiting gives up its place', async () => {
  const parts = threeParts();
  const view = render(parts(true));
  expect(shown()).toBe('(a) (b) (c)');
  view.rerender(parts(false)); // b leaves before its turn (a's has not even been drawn)
  await waitFor(() => expect(shown()).toBe('a (b) c'));
});

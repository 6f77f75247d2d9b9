import { expect, test } from 'vitest';
import { afterFrames, batchPoint, openAt } from './browser';

/**
 * Issue 15: during a drag, section 2's live equation is filled from a digit template (app/ui/digitTemplate.ts), not
 * typeset again. What it shows must still be the batch: at every move, the numbers drawn in the equation (its HTML,
 * not its TeX) are the table's, rounded, as a value crosses zero and 10 (a sign and a digit come and go: new shapes).
 */
test('dragging a point across zero and 10: at every move the live equation draws the table’s numbers', async () => {
  const { page, problems } = await openAt('?shift=5&scale=5&section=batch#batch', { viewport: { width: 1366, height: 768 } });
  const { svg, box } = await batchPoint(page);
  const read = () =>
    page.evaluate(() => {
      const numbers = (text: string) => (text.replace(/−/g, '-').match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
      const eq = document.querySelector('#batch .eq-live .katex-html');
      const tex = document.querySelector('#batch .eq-live annotation')?.textContent ?? '';
      const row = [...document.querySelectorAll('[data-testid="batch-row"] td')].map((td) => Number((td.textContent ?? '').replace(/−/g, '-')));
      return { drawn: numbers(eq?.textContent ?? ''), tex: numbers(tex), row };
    });
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  const [lo, hi] = [svg.x + 0.02 * svg.width, svg.x + 0.98 * svg.width];
  const xs = [...Array.from({ length: 40 }, (_, i) => lo + ((hi - lo) * i) / 39), ...Array.from({ length: 40 }, (_, i) => hi - ((hi - lo) * i) / 39)];
  const firsts = new Set<number>();
  for (const x of xs) {
    await page.mouse.move(x, y);
    await afterFrames(page, 1);
    const { drawn: shown, tex, row } = await read();
    // Z = [z1 z2 z3 ⋯ z8]: the first three and the last, two decimals.
    const expected = [row[0], row[1], row[2], row[row.length - 1]];
    expect(row).toHaveLength(8);
    expect(shown).toHaveLength(4);
    shown.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(0.0051));
    expect(tex).toEqual(shown);
    firsts.add(Math.sign(shown[0]) * (Math.abs(shown[0]) >= 10 ? 2 : 1));
  }
  await page.mouse.up();
  // The drag went through new shapes: negative and positive, one digit and two before the point.
  for (const shape of [-1, 1, 2]) expect(firsts).toContain(shape);
  expect(problems).toEqual([]);
});

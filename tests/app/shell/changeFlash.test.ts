import { afterEach, expect, test, vi } from 'vitest';
import { flashTargetOf, watchChanges } from '../../../app/shell/changeFlash';

afterEach(() => {
  document.body.innerHTML = '';
});

test('a changed number, table cell, equation or point is what flashes; the control itself, status lines and the lab never do', () => {
  document.body.innerHTML = `
    <section data-section="mean"><p>μ = <strong class="num">1.5</strong></p><table><tr><td>3.2</td></tr></table>
      <span class="eq"><span class="katex"><span>x</span></span></span>
      <svg><g class="dot" transform="translate(1 2)"><circle class="dot-hit"/><circle class="dot-mark"/></g></svg>
      <div class="slider"><span class="num">2</span></div><p role="status"><span class="num">3</span></p><p class="prose">words</p></section>
    <section id="lab" data-section="lab"><strong class="num">9</strong></section>`;
  const q = (s: string) => document.querySelector(s)!;
  expect(flashTargetOf(q('strong.num').firstChild!)).toBe(q('strong.num'));
  expect(flashTargetOf(q('td').firstChild!)).toBe(q('td'));
  expect(flashTargetOf(q('.katex span'))).toBe(q('.katex'));
  expect(flashTargetOf(q('g.dot'))).toBe(q('.dot-mark'));
  expect(flashTargetOf(q('.slider .num').firstChild!)).toBeNull();
  expect(flashTargetOf(q('[role="status"] .num').firstChild!)).toBeNull();
  expect(flashTargetOf(q('#lab .num').firstChild!)).toBeNull();
  expect(flashTargetOf(q('p.prose').firstChild!)).toBeNull();
});

test('without Web Animations (jsdom) watching is a no-op that can be stopped', () => {
  const stop = watchChanges(document.body);
  expect(typeof stop).toBe('function');
  stop();
});

test('while a pointer is down (a drag) nothing flashes; on release what the drag changed flashes once', async () => {
  document.body.innerHTML = '<section data-section="mean"><strong class="num">1</strong><div class="dot-plot"><button>point</button></div></section>';
  const animate = vi.fn(() => ({ cancel: vi.fn(), id: '' }) as unknown as Animation);
  const root = document.body as HTMLElement & { animate: typeof animate };
  Object.defineProperty(HTMLElement.prototype, 'animate', { value: animate, configurable: true });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
  const stop = watchChanges(root);
  try {
    const num = document.querySelector('strong.num')!;
    document.querySelector('button')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    for (const v of ['2', '3', '4']) {
      num.textContent = v;
      await frame();
    }
    expect(animate).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointerup'));
    await frame();
    expect(animate).toHaveBeenCalledTimes(1);
    expect(animate.mock.contexts[0]).toBe(num);
    // A key press flashes at the next frame, as before.
    num.textContent = '5';
    document.querySelector('button')!.dispatchEvent(new Event('keydown', { bubbles: true }));
    num.textContent = '6';
    await frame();
    expect(animate).toHaveBeenCalledTimes(2);
  } finally {
    stop();
    delete (HTMLElement.prototype as { animate?: unknown }).animate;
  }
});

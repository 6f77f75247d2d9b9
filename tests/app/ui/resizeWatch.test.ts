import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { observeAgain, observeSize } from '../../../app/ui/resizeWatch';

/** A stand-in ResizeObserver that records what it observes, in order. */
class FakeObserver {
  log: string[] = [];
  observe(el: Element) {
    this.log.push(`observe ${el.id}`);
  }
  unobserve(el: Element) {
    this.log.push(`unobserve ${el.id}`);
  }
  disconnect() {}
}
const asObserver = (f: FakeObserver) => f as unknown as ResizeObserver;
/** MutationObserver callbacks run as a microtask. */
const marksSeen = () => new Promise((r) => setTimeout(r, 0));

let page: HTMLElement;
const offs: (() => void)[] = [];
beforeEach(() => {
  page = document.createElement('div');
  page.id = 'root';
  page.innerHTML = `<main class="content"><section class="section" id="near"><div id="a"></div></section>
    <section class="section" id="far" data-far><div id="b"></div></section></main><div id="outside"></div>`;
  document.body.append(page);
});
afterEach(() => {
  offs.splice(0).forEach((off) => off());
  page.remove();
});
const el = (id: string) => page.querySelector(`#${id}`)!;

describe('resizeWatch: a target rests while its section is skipped (drawn page, far section)', () => {
  test('before the page is drawn, every target is observed, far or not', () => {
    const ro = new FakeObserver();
    offs.push(observeSize(asObserver(ro), el('a')), observeSize(asObserver(ro), el('b')), observeSize(asObserver(ro), el('outside')));
    expect(ro.log).toEqual(['observe a', 'observe b', 'observe outside']);
  });

  test('once drawn, a far section’s targets rest, and are observed afresh when it comes near', async () => {
    const ro = new FakeObserver();
    offs.push(observeSize(asObserver(ro), el('a')), observeSize(asObserver(ro), el('b')));
    page.setAttribute('data-all-drawn', '');
    await marksSeen();
    expect(ro.log).toEqual(['observe a', 'observe b', 'unobserve b']);
    el('far').removeAttribute('data-far');
    el('near').setAttribute('data-far', '');
    await marksSeen();
    expect(ro.log.slice(3).sort()).toEqual(['observe b', 'unobserve a']);
  });

  test('a target added in a skipped section waits; observing again waits too, then happens once it is drawn', async () => {
    page.setAttribute('data-all-drawn', '');
    const ro = new FakeObserver();
    offs.push(observeSize(asObserver(ro), el('b')), observeSize(asObserver(ro), el('a')));
    observeAgain(asObserver(ro), el('b'));
    observeAgain(asObserver(ro), el('a'));
    expect(ro.log).toEqual(['observe a', 'unobserve a', 'observe a']);
    el('far').removeAttribute('data-far');
    await marksSeen();
    expect(ro.log.slice(3)).toEqual(['observe b']);
  });

  test('removed, a target is no longer observed nor brought back', async () => {
    page.setAttribute('data-all-drawn', '');
    const ro = new FakeObserver();
    const off = observeSize(asObserver(ro), el('a'));
    off();
    el('near').setAttribute('data-far', '');
    await marksSeen();
    el('near').removeAttribute('data-far');
    await marksSeen();
    expect(ro.log).toEqual(['observe a', 'unobserve a']);
  });
});

import { type ReactNode, createContext, useContext, useLayoutEffect, useRef } from 'react';
import { adoptTypeset } from './typeset';
import { keepScreenTop } from './keepPlace';
import './staticBody.css';

/**
 * The notebook's pre-rendered HTML (app/prerender/, in dist/index.html) kept on the page until each section
 * goes live: `keepStaticBodies` takes every section's body (what follows its heading) out of the page before
 * React's first render, and a section that is not live yet shows it again (`StaticBody`), moved, not copied,
 * so nothing is parsed or laid out twice. Off the first screen the reader sees the same prose, numbers and
 * equations as soon as the HTML has arrived; the section's code runs when it nears the screen.
 */
const bodies = new Map<string, Node[]>();

/** Takes the body of every `section[data-section]` under `root` (its nodes after the heading) out of the page, to show again by id. */
export function keepStaticBodies(root: Element): void {
  for (const section of root.querySelectorAll<HTMLElement>('section[data-section]')) {
    const id = section.dataset.section;
    if (!id) continue;
    const nodes = [...section.childNodes].slice(1);
    for (const n of nodes) section.removeChild(n);
    for (const n of nodes) if (n instanceof Element) unname(n);
    bodies.set(id, nodes);
  }
}

/**
 * A kept body is a picture of the section at its default settings: nothing in it is named as a control or a
 * read-out (labels, test ids, form ids), so only the live section's controls and numbers are found by name.
 */
function unname(root: Element): void {
  const named = root.querySelectorAll('[data-testid], [aria-label], [aria-labelledby], label[for], input[id], select[id], textarea[id], button[id], output[for]');
  for (const el of [root, ...named]) {
    for (const a of ['data-testid', 'aria-label', 'aria-labelledby', 'for']) el.removeAttribute(a);
    if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)) el.removeAttribute('id');
  }
}

const adopted = new Set<string>();

/**
 * Takes section `id`'s pre-rendered equations into the typeset cache (ui/typeset.ts), once, as the section goes
 * live: its first live render draws them without KaTeX. One section at a time, not the whole page at the takeover
 * (reading every equation's HTML back was a fifth of that task).
 */
export function adoptStaticBody(id: string): void {
  const nodes = bodies.get(id);
  if (!nodes || adopted.has(id)) return;
  adopted.add(id);
  for (const n of nodes) if (n instanceof Element) adoptTypeset(n);
}

/** Whether the page came with section `id`'s pre-rendered body (not in `npm start` nor in tests: it is then live at once). */
export const hasStaticBody = (id: string): boolean => bodies.has(id);

/** The id of the section whose static body a lazily loaded part shows while its code arrives (StaticBody). */
export const StaticBodyId = createContext<string | null>(null);

/**
 * Section `id`'s pre-rendered body, inert (its controls are not live yet) and hidden from assistive
 * technology until the section is (its heading is not: the outline reads as the page's).
 */
export function StaticBody({ id }: { id: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const nodes = bodies.get(id);
    if (!el || !nodes) return;
    el.append(...nodes);
    // Removed (the section or the lab going live): the section the reader is in stays where it is on the screen
    // (ui/keepPlace.ts). This runs before React takes it out of the page.
    return keepScreenTop;
  }, [id]);
  return <div ref={ref} className="section-static" inert aria-hidden="true" />;
}

/** The enclosing section's static body (see StaticBodyId), or `otherwise` where there is none. */
export function StaticBodyOr({ otherwise }: { otherwise: ReactNode }) {
  const id = useContext(StaticBodyId);
  return id !== null && hasStaticBody(id) ? <StaticBody id={id} /> : otherwise;
}

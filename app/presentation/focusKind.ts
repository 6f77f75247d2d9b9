import type { FocusKind } from './keys';

/** Input types that take typed text (everything but these few). */
const NOT_TEXT = new Set(['range', 'radio', 'checkbox', 'button', 'submit', 'reset', 'image', 'file', 'color', 'hidden']);
/** ARIA roles of widgets that move a value or a selection with the arrow keys. */
const ADJUSTABLE_ROLES = new Set(['slider', 'spinbutton', 'radio', 'radiogroup', 'tab', 'tablist', 'option', 'listbox', 'combobox', 'grid', 'gridcell', 'menuitem', 'tree', 'treeitem', 'scrollbar']);

/** What kind of thing has the focus (see FocusKind): read from the element's tag, type and role. */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof Element)) return 'other';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text';
  const role = target.getAttribute('role') ?? '';
  if (role === 'textbox' || role === 'searchbox') return 'text';
  if (ADJUSTABLE_ROLES.has(role)) return 'adjustable';
  if (target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLSelectElement) return 'adjustable';
  if (target instanceof HTMLInputElement) {
    const type = target.type.toLowerCase();
    if (type === 'range' || type === 'radio') return 'adjustable';
    if (type === 'checkbox') return 'checkbox';
    return NOT_TEXT.has(type) ? 'other' : 'text';
  }
  return 'other';
}

/** Composite widgets whose arrow keys move the focus between their parts (a grab moves along with it). */
const COMPOSITES = '[role="grid"], [role="listbox"], [role="radiogroup"], [role="tablist"], [role="tree"], [role="menu"]';

/**
 * Whether `b` is another part of the same control as `a`: a radio button of the same group, or a cell,
 * option or tab of the same grid, list or tab list. Their arrow keys move the focus from part to part.
 */
export function sameWidget(a: Element, b: Element): boolean {
  if (a instanceof HTMLInputElement && b instanceof HTMLInputElement && a.type === 'radio' && b.type === 'radio') {
    return a.name !== '' && a.name === b.name && a.form === b.form;
  }
  const whole = a.closest(COMPOSITES);
  return whole !== null && whole === b.closest(COMPOSITES);
}

/**
 * The name a control is announced by: its aria-label, the text of its labels or aria-labelledby, else
 * its title. A radio button is named by its group (its fieldset's legend), since the grab holds the group.
 */
export function controlName(el: Element): string {
  const legend = el instanceof HTMLInputElement && el.type === 'radio' ? el.closest('fieldset')?.querySelector('legend')?.textContent?.trim() : '';
  if (legend) return legend;
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const ids = el.getAttribute('aria-labelledby');
  const byId = ids
    ?.split(/\s+/)
    .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
  if (byId) return byId;
  const labels = 'labels' in el ? (el as HTMLInputElement).labels : null;
  const text = labels ? [...labels].map((l) => l.textContent ?? '').join(' ').trim() : '';
  return text || el.getAttribute('title') || 'the control';
}

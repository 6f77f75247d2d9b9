/**
 * The pre-rendered page's form fields after the first section, as still pictures (`<span data-still=…>`,
 * styles.css): a range's track and thumb at its value, a box for a checkbox or radio button, a text field's or
 * a select's shown value; their forms become plain blocks (`<div data-still="form">`, same class). The first
 * section keeps its fields: it goes live as the page is taken over, and the first screen must not change then.
 * Buttons stay buttons.
 *
 * Why: off the first screen the pre-rendered sections skip layout (content-visibility: auto, styles.css), and
 * at DOMContentLoaded Chromium's renderer looks at each input and select (in RenderFrameImpl::
 * DidDispatchDOMContentLoadedEvent; an autofill-like form scan, by its shape), which forces a style and layout of
 * its skipped section, one field at a time: about 250 forced updates, a
 * task of 300–500 ms on a desktop (1.5–2 s with a phone's CPU), before any of the page's own code ran; and at
 * the load event a scan of the page's forms lays out the whole page once more (about 190 ms on a desktop, in
 * RenderFrameImpl::didFinishLoad; 0–2 ms without the forms). Without
 * JavaScript the fields do nothing anyway (the notice says the live panels need it); with it, a section's
 * pre-rendered body is replaced by its live one, real fields included, as it nears the screen.
 */
export function stillControls(html: string): string {
  const end = html.indexOf('</section>');
  if (end < 0) return html;
  const head = html.slice(0, end);
  const rest = html
    .slice(end)
    .replace(/<select\b([^>]*)>([\s\S]*?)<\/select>/g, (_, attrs: string, options: string) => stillSelect(attributes(attrs), options))
    .replace(/<input\b([^>]*?)\/?>/g, (_, attrs: string) => stillInput(attributes(attrs)))
    .replace(/<form\b([^>]*)>/g, (_, attrs: string) => `<div data-still="form"${classOf(attributes(attrs))}>`)
    .replace(/<\/form>/g, '</div>');
  return head + rest;
}

type Attributes = ReadonlyMap<string, string>;

/** An element's attributes as React renders them: name="value" (HTML-escaped), booleans as name="". */
function attributes(text: string): Attributes {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/([^\s=/"']+)(?:="([^"]*)")?/g)) found.set(m[1].toLowerCase(), m[2] ?? '');
  return found;
}

/** The class attribute, kept (a field's own styles may name it). */
const classOf = (a: Attributes): string => (a.has('class') ? ` class="${a.get('class')}"` : '');

function stillInput(a: Attributes): string {
  const type = a.get('type') ?? 'text';
  if (type === 'range') {
    const min = Number(a.get('min') ?? 0), max = Number(a.get('max') ?? 100), value = Number(a.get('value') ?? (min + max) / 2);
    const at = max > min && Number.isFinite(value) ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
    return `<span data-still="range"${classOf(a)} style="--still-at:${(100 * at).toFixed(2)}%" aria-hidden="true"></span>`;
  }
  if (type === 'checkbox' || type === 'radio') return `<span data-still="${type}"${classOf(a)}${a.has('checked') ? ' data-checked=""' : ''} aria-hidden="true"></span>`;
  return `<span data-still="text"${classOf(a)}>${a.get('value') ?? ''}</span>`;
}

function stillSelect(a: Attributes, options: string): string {
  const all = [...options.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)];
  const shown = all.find((o) => attributes(o[1]).has('selected')) ?? all[0];
  // Every option's text, stacked in one cell (styles.css): the picture is as wide as the widest, as the field is; only the chosen one shows.
  const texts = all.map((o) => `<span${o === shown ? ' data-shown=""' : ''}>${o[2]}</span>`).join('');
  return `<span data-still="select"${classOf(a)}>${texts}</span>`;
}

/**
 * Turns the content of `into` into `html` by changing only what differs (issue 15): a text whose digits changed is
 * given its new text, an attribute its new value; only nodes of another kind are replaced. Setting innerHTML made
 * a new copy of every element of an equation on each drag move, and the browser then matched each new element
 * against every style rule and laid it out afresh. The result is the same DOM as `into.innerHTML = html`.
 */
export function morph(into: Element, html: string, shown?: string): void {
  if (shown !== undefined && textsOnly(into, shown, html)) return;
  template ??= document.createElement('template');
  template.innerHTML = html;
  morphChildren(into, template.content);
}

const TAG = /<[^>]*>/g;

/**
 * The fast path of a drag move: when `into` shows `shown` and `html` has the very same tags (only digits or signs
 * changed between them), the changed texts are written into their text nodes and nothing is parsed or walked
 * (parsing the new HTML and comparing every node was 0.9 ms of each move). Returns false, having changed nothing,
 * when the tags differ, a text appears or empties (a text node more or less), or the page does not show `shown`.
 */
function textsOnly(into: Element, shown: string, html: string): boolean {
  const tags = shown.match(TAG) ?? [], newTags = html.match(TAG) ?? [];
  if (tags.length !== newTags.length || tags.some((t, i) => t !== newTags[i])) return false;
  const texts = shown.split(TAG), newTexts = html.split(TAG);
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === newTexts[i]) continue;
    if (texts[i] === '' || newTexts[i] === '') return false;
  }
  // Every non-empty text between two tags is one text node, in document order.
  const nodes: Text[] = [];
  const walk = document.createTreeWalker(into, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) nodes.push(n as Text);
  const shownTexts = texts.filter((t) => t !== '');
  if (nodes.length !== shownTexts.length || nodes.some((n, k) => n.nodeValue !== decode(shownTexts[k]))) return false;
  let k = 0;
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === '') continue;
    if (texts[i] !== newTexts[i]) nodes[k].nodeValue = decode(newTexts[i]);
    k++;
  }
  return true;
}

/** A text as the parser reads it: its entities decoded (KaTeX's TeX annotation writes a matrix's & as &amp;). */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  // The entities KaTeX's escaping writes, replaced directly: the parser (a template's innerHTML) for the TeX annotation,
  // old and new, was about 0.1 ms of each drag move. Any other entity goes to the parser.
  if (!text.replace(ENTITY, '').includes('&')) return text.replace(ENTITY, (e) => ENTITIES[e]);
  template ??= document.createElement('template');
  template.innerHTML = text;
  return template.content.textContent ?? '';
}

let template: HTMLTemplateElement | undefined;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };
const ENTITY = /&(?:amp|lt|gt|quot|#x27|#39);/g;

/** Whether `a` can be turned into `b` in place: the same kind of node (for an element, the same tag and class). */
function alike(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  return a.nodeType !== Node.ELEMENT_NODE || (a as Element).getAttribute('class') === (b as Element).getAttribute('class');
}

function morphChildren(into: Node, from: Node): void {
  let a = into.firstChild;
  for (let b = from.firstChild; b; ) {
    const next = b.nextSibling;
    if (a && alike(a, b)) {
      morphNode(a, b);
      a = a.nextSibling;
    } else {
      // Something new here (a sign, a part of another kind): put it in; the old node may still match what follows.
      into.insertBefore(b, a);
    }
    b = next;
  }
  while (a) {
    const next = a.nextSibling;
    into.removeChild(a);
    a = next;
  }
}

/**
 * Walks attributes by index, not with Array.from(attributes) (a new array and an object per attribute, for each of an
 * equation's few hundred nodes at every drag move): the walk was the largest script cost of a move.
 */
function morphNode(a: Node, b: Node): void {
  if (a.nodeType !== Node.ELEMENT_NODE) {
    if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    return;
  }
  const [el, to] = [a as Element, b as Element];
  const [mine, theirs] = [el.attributes, to.attributes];
  for (let i = mine.length - 1; i >= 0; i--) {
    const name = mine[i].name;
    if (!to.hasAttribute(name)) el.removeAttribute(name);
  }
  for (let i = 0; i < theirs.length; i++) {
    const { name, value } = theirs[i];
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  if (a.firstChild || b.firstChild) morphChildren(a, b);
}

/**
 * Turns the content of `into` into `html` by changing only what differs (issue 15): a text whose digits changed is
 * given its new text, an attribute its new value; only nodes of another kind are replaced. Setting innerHTML made
 * a new copy of every element of an equation on each drag move, and the browser then matched each new element
 * against every style rule and laid it out afresh. The result is the same DOM as `into.innerHTML = html`.
 */
export function morph(into: Element, html: string): void {
  template ??= document.createElement('template');
  template.innerHTML = html;
  morphChildren(into, template.content);
}

let template: HTMLTemplateElement | undefined;

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

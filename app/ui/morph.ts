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
  return !(a instanceof Element) || a.getAttribute('class') === (b as Element).getAttribute('class');
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

function morphNode(a: Node, b: Node): void {
  if (!(a instanceof Element)) {
    if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    return;
  }
  const to = b as Element;
  for (const { name } of Array.from(a.attributes)) if (!to.hasAttribute(name)) a.removeAttribute(name);
  for (const { name, value } of Array.from(to.attributes)) if (a.getAttribute(name) !== value) a.setAttribute(name, value);
  morphChildren(a, to);
}

/**
 * A small, strict XML reader for tests in Node (which has no DOMParser): it reads a document into
 * an element tree and throws on anything not well formed — an unclosed or mismatched tag, an
 * unquoted or repeated attribute, a bare `&` or `<` in text. Enough to check that an exported SVG
 * parses; Chromium's own parser checks it again in the e2e test.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function checkText(text: string, at: number): void {
  if (ENTITY.test(text)) throw new Error(`bare & at ${at}`);
  if (text.includes('<')) throw new Error(`bare < at ${at}`);
}

/** Parses `xml` into its root element; throws with the offset of the first fault. */
export function parseXml(xml: string): XmlElement {
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    checkText(text, i);
    if (stack.length > 0) (stack.at(-1) as XmlElement).text += text;
    else if (text.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at ${lt}`);
      i = end + 1;
      continue;
    }
    const name = NAME.exec(xml.slice(lt + 1))?.[0];
    if (!name) throw new Error(`bad tag at ${lt}`);
    let j = lt + 1 + name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(xml[j] ?? '')) j++;
      if (xml.startsWith('/>', j) || xml[j] === '>') break;
      const attr = NAME.exec(xml.slice(j))?.[0];
      if (!attr || xml[j + attr.length] !== '=') throw new Error(`bad attribute at ${j}`);
      const quote = xml[j + attr.length + 1];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at ${j}`);
      const close = xml.indexOf(quote, j + attr.length + 2);
      const value = xml.slice(j + attr.length + 2, close);
      checkText(value, j);
      if (attr in attrs) throw new Error(`repeated attribute ${attr} at ${j}`);
      attrs[attr] = value;
      j = close + 1;
    }
    const el: XmlElement = { name, attrs, children: [], text: '' };
    if (stack.length > 0) (stack.at(-1) as XmlElement).children.push(el);
    else if (root) throw new Error(`second root <${name}> at ${lt}`);
    else root = el;
    const selfClosing = xml.startsWith('/>', j);
    if (!selfClosing) stack.push(el);
    i = j + (selfClosing ? 2 : 1);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

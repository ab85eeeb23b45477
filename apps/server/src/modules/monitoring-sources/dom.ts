// The little of the DOM the parsers use, typed here (the server compiles without the browser's lib), and the two
// ways in: an HTML document and an XML document, both parsed by linkedom.
import { DOMParser, parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  innerHTML: string;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument extends DomNode {
  documentElement: DomElement;
  body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function htmlDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

export function xmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument;
}

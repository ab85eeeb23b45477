// A well-formedness check of XML feeds before they are read: the DOM library repairs broken markup silently, so a
// truncated or hand-broken feed would otherwise look like a short one. Checks what breaks meaning — tags that do
// not nest or close, markup after the root, a stray "<" — and tolerates what real feeds get wrong harmlessly
// (a bare "&" in a link, HTML entities such as &nbsp;).

export interface XmlProblem {
  message: string;
  line: number;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first well-formedness problem of `text`, or null when it is a single well-nested element tree. */
export function xmlProblem(text: string): XmlProblem | null {
  const stack: string[] = [];
  let rootClosed = false;
  let sawRoot = false;
  let i = 0;
  const fail = (message: string, at: number): XmlProblem => ({ message, line: lineAt(text, at) });
  const skipTo = (end: string, at: number): number => {
    const found = text.indexOf(end, at);
    return found < 0 ? -1 : found + end.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    if (stack.length === 0 && text.slice(i, textEnd).trim() !== '') return fail('text outside the root element', i);
    if (lt < 0) break;
    i = lt;
    let next: number;
    if (text.startsWith('<?', i)) next = skipTo('?>', i + 2);
    else if (text.startsWith('<!--', i)) next = skipTo('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) return fail('CDATA outside the root element', i);
      next = skipTo(']]>', i + 9);
    } else if (text.startsWith('<!', i)) {
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      next = bracket >= 0 && bracket < close ? skipTo(']>', bracket) : close < 0 ? -1 : close + 1;
    } else {
      const end = tagEnd(text, i + 1);
      if (end < 0) return fail('a tag is not closed', i);
      const raw = text.slice(i + 1, end);
      const closing = raw.startsWith('/');
      const selfClosing = raw.endsWith('/');
      const name = NAME.exec(closing ? raw.slice(1) : raw)?.[0];
      if (!name) return fail('"<" that starts no tag', i);
      if (closing) {
        const open = stack.pop();
        if (open !== name) return fail(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`, i);
        if (stack.length === 0) rootClosed = true;
      } else {
        if (rootClosed) return fail(`<${name}> after the root element`, i);
        sawRoot = true;
        if (!selfClosing) stack.push(name);
        else if (stack.length === 0) rootClosed = true;
      }
      next = end + 1;
    }
    if (next < 0) return fail('markup is not closed', i);
    i = next;
  }
  if (!sawRoot) return fail('no root element', 0);
  if (stack.length > 0) return fail(`<${stack[stack.length - 1]}> is not closed`, text.length);
  return null;
}

/** Index of the ">" ending the tag that starts at `from`, skipping quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1;
  }
  return -1;
}

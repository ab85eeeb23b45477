// A real SMTP server on loopback for tests: it accepts (or refuses, on request) what Loa sends and decodes it.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A received message, decoded: the envelope, the subject and the plain-text and HTML parts. */
export interface CaughtMail {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  contentType: string;
  text: string;
  html: string;
  /** Parts sent as attachments, decoded. */
  attachments: CaughtAttachment[];
  raw: string;
}

export interface CaughtAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface SmtpCatcher {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  messages: CaughtMail[];
  /** Refuses the next `count` messages with a temporary error (451). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

/** Starts the server on a random loopback port; no TLS, no authentication needed. `onMessage` sees each mail. */
export async function startSmtpCatcher(options: { onMessage?: (mail: CaughtMail) => void } = {}): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: CaughtMail = {
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(raw),
          raw,
        };
        messages.push(mail);
        options.onMessage?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext(count) {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const at = raw.indexOf('\r\n\r\n');
  const head = at === -1 ? raw : raw.slice(0, at);
  const body = at === -1 ? '' : raw.slice(at + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), adjacent ones joined before decoding. */
function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  let result = '';
  let pending: Buffer[] = [];
  const flush = () => {
    result += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  let last = 0;
  for (const match of joined.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    if (match.index > last) {
      flush();
      result += joined.slice(last, match.index);
    }
    const [, , encoding, text] = match;
    pending.push(
      encoding!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : quotedPrintable(text!.replace(/_/g, ' ')),
    );
    last = match.index + match[0].length;
  }
  flush();
  return result + joined.slice(last);
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const source = text.replace(/=\r\n/g, '');
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBytes(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  return Buffer.from(part.body, 'utf8');
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintable(part.body).toString('utf8');
  return part.body;
}

/** The leaf parts of a (possibly nested) multipart message. */
function leaves(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => leaves(splitPart(chunk.replace(/^\r\n/, ''))));
}

function parseMessage(raw: string): Omit<CaughtMail, 'envelopeFrom' | 'envelopeTo' | 'raw'> {
  const message = splitPart(raw);
  const parts = leaves(message);
  const isAttachment = (p: Part) => /^attachment/i.test(p.headers.get('content-disposition') ?? '');
  const ofType = (type: string) =>
    parts.find(
      (p) => !isAttachment(p) && (p.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith(type),
    );
  const attachments = parts.filter(isAttachment).map((p) => {
    const disposition = p.headers.get('content-disposition') ?? '';
    const name = /filename\*?="?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
    return {
      filename: decodeWords(name),
      contentType: (p.headers.get('content-type') ?? '').split(';')[0]!.trim(),
      content: decodeBytes(p),
    };
  });
  const text = ofType('text/plain');
  const html = ofType('text/html');
  return {
    from: decodeWords(message.headers.get('from') ?? ''),
    to: decodeWords(message.headers.get('to') ?? ''),
    subject: decodeWords(message.headers.get('subject') ?? ''),
    contentType: message.headers.get('content-type') ?? '',
    text: text ? decodeBody(text).replace(/\r\n/g, '\n') : '',
    html: html ? decodeBody(html).replace(/\r\n/g, '\n') : '',
    attachments,
  };
}

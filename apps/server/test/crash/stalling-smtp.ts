// An SMTP server on 127.0.0.1 that can stall a session at MAIL FROM (it never answers, as a server that hangs before
// DATA), so a test can kill the sender at a known point. It counts every message it accepted, by recipient.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  to: string[];
  subject: string;
}

export interface StallingSmtp {
  url: string;
  accepted: AcceptedMail[];
  /** MAIL FROM commands received, in order. */
  mailFroms: number;
  /** Stalls the `n`-th MAIL FROM from now on (1 = the next one); resolves when it arrives. */
  stallAt(n: number): Promise<void>;
  /** Whether a session is being held. */
  stalled(): boolean;
  close(): Promise<void>;
}

export async function startStallingSmtp(): Promise<StallingSmtp> {
  const accepted: AcceptedMail[] = [];
  let stallOn = 0;
  let onStall: (() => void) | null = null;
  let holding = false;
  const state = { mailFroms: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, session, callback) {
      state.mailFroms += 1;
      if (stallOn > 0 && state.mailFroms === stallOn) {
        holding = true;
        onStall?.();
        // Never answered: the client waits until it is killed; its socket closing ends the session.
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
        accepted.push({ to: session.envelope.rcptTo.map((r) => r.address), subject });
        callback();
      });
    },
  });
  // A killed client resets its connection: expected here, not an error of the test.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    get mailFroms() {
      return state.mailFroms;
    },
    stallAt(n) {
      stallOn = state.mailFroms + n;
      return new Promise<void>((resolve) => (onStall = resolve));
    },
    stalled: () => holding,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

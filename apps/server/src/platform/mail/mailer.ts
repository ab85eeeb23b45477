import nodemailer from 'nodemailer';

/** A file sent with an e-mail (a press review's PDF and DOCX). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One e-mail, multipart: plain text and HTML, and any attachments. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: readonly MailAttachment[];
}

/** Loa's outgoing mail: SMTP when configured; without it, callers keep their messages (held) instead. */
export interface Mailer {
  /** False when no SMTP_URL is set: nothing can be sent. */
  readonly configured: boolean;
  /** Hands the message to the SMTP server; rejects when it is refused or unreachable. */
  send(mail: OutgoingMail): Promise<void>;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start); unset: no mail. */
  smtpUrl: string | undefined;
  /** The sender, `Loa <no-reply@bhxh.gov.vn>`. */
  from: string;
}

/** A nodemailer transport from SMTP_URL; timeouts are short so a dead server fails a job, not hangs it. */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from } = options;
  if (!smtpUrl) {
    return {
      configured: false,
      async send() {
        throw new Error('No SMTP server is configured (SMTP_URL)');
      },
    };
  }
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.attachments?.length ? { attachments: [...mail.attachments] } : {}),
      });
    },
  };
}

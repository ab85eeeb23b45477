import { NOTIFICATION_KIND_LABELS, type TLocale, type TNotificationKind } from '@loa/contracts';

export interface EmailContentInput {
  /** The recipient's language: the whole e-mail, subject included, is written in it. */
  locale: TLocale;
  kind: TNotificationKind;
  title: string;
  body: string | null;
  /** A path inside the web app. */
  link: string | null;
  /** Where users open Loa (`https://loa.bhxh.gov.vn`); without it the e-mail names the path only. */
  publicUrl: string | undefined;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  vi: {
    open: 'Mở trong Loa',
    openAt: 'Xem trong Loa tại: {path}',
    why: 'Bạn nhận được thư này vì đã bật nhận thông báo "{kind}" qua e-mail trong Loa — nền tảng công tác truyền thông của BHXH Việt Nam.',
    settings: 'Thay đổi tại mục Thông báo → Tùy chọn nhận thông báo',
    noReply: 'Thư gửi tự động, vui lòng không trả lời.',
  },
  en: {
    open: 'Open in Loa',
    openAt: 'See it in Loa at: {path}',
    why: 'You receive this e-mail because "{kind}" notifications by e-mail are on in Loa, the communication-work platform of Vietnam Social Security.',
    settings: 'Change this under Notifications → Notification settings',
    noReply: 'This message was sent automatically; please do not reply.',
  },
} as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** Paragraphs at blank lines, line breaks within them; every piece of text escaped. */
function htmlParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p style="margin:0 0 12px">${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}

/**
 * The e-mail of a notification in the recipient's language: subject = title, a plain-text part and an
 * accessible HTML part (language declared, real heading and link text, all user text escaped).
 */
export function renderEmail(input: EmailContentInput): EmailContent {
  const words = WORDS[input.locale];
  const subject = input.title.replace(/\s+/g, ' ').trim();
  const kind = NOTIFICATION_KIND_LABELS[input.kind][input.locale];
  const body = input.body?.replace(/\r\n?/g, '\n').trim() || null;
  const url = input.link && input.publicUrl ? `${input.publicUrl}${input.link}` : null;
  const settingsUrl = input.publicUrl ? `${input.publicUrl}/notifications` : null;
  const why = fill(words.why, { kind });

  const textLines = [subject, ''];
  if (body) textLines.push(body, '');
  if (url) textLines.push(`${words.open}: ${url}`, '');
  else if (input.link) textLines.push(fill(words.openAt, { path: input.link }), '');
  textLines.push('—', why, settingsUrl ? `${words.settings}: ${settingsUrl}` : `${words.settings}.`, words.noReply);

  const action = url
    ? `<p style="margin:16px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(words.open)}</a></p>`
    : input.link
      ? `<p style="margin:16px 0">${escapeHtml(fill(words.openAt, { path: input.link }))}</p>`
      : '';
  const settings = settingsUrl
    ? `<a href="${escapeHtml(settingsUrl)}" style="color:#0b5cad">${escapeHtml(words.settings)}</a>`
    : `${escapeHtml(words.settings)}.`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${input.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f1f1f">',
    `<div role="article" aria-label="${escapeHtml(subject)}" style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">`,
    `<h1 style="font-size:20px;line-height:1.3;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
    body ? htmlParagraphs(body) : '',
    action,
    '<hr style="border:none;border-top:1px solid #e0e0e0;margin:24px 0 12px">',
    `<p style="margin:0 0 8px;font-size:13px;color:#595959">${escapeHtml(why)} ${settings}</p>`,
    `<p style="margin:0;font-size:13px;color:#595959">${escapeHtml(words.noReply)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');

  return { subject, text: textLines.join('\n'), html };
}

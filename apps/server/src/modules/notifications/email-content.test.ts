import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail, type EmailContentInput } from './email-content.js';

const input: EmailContentInput = {
  locale: 'vi',
  kind: 'assignment',
  title: 'Bạn được giao: Thông cáo báo chí về Nghị định 158/2025/NĐ-CP',
  body: 'Người giao: Nguyễn Thị Hằng.\nHạn: 25/11/2026\n\nVui lòng xác nhận.',
  link: '/tasks?id=42&tab=1',
  publicUrl: 'https://loa.bhxh.gov.vn',
};

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('Đà Nẵng')).toBe('Đà Nẵng');
  });
});

describe('renderEmail', () => {
  it('uses the title as the subject, on one line', () => {
    expect(renderEmail({ ...input, title: 'Hạn chót\n  hôm nay' }).subject).toBe('Hạn chót hôm nay');
  });

  it('declares the language and keeps Vietnamese text intact in both parts', () => {
    const { text, html } = renderEmail(input);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<h1 style="font-size:20px;line-height:1.3;margin:0 0 16px">${input.title}</h1>`);
    expect(text.split('\n')[0]).toBe(input.title);
    expect(text).toContain('Người giao: Nguyễn Thị Hằng.\nHạn: 25/11/2026\n\nVui lòng xác nhận.');
    expect(text).toContain('"Được giao việc"');
  });

  it('writes an English e-mail for an English-speaking recipient', () => {
    const { text, html } = renderEmail({ ...input, locale: 'en', title: 'You were assigned a task' });
    expect(html).toContain('<html lang="en">');
    expect(text).toContain('Open in Loa: https://loa.bhxh.gov.vn/tasks?id=42&tab=1');
    expect(text).toContain('"Assignment" notifications');
    expect(text).not.toContain('Mở trong Loa');
  });

  it('never lets user text become markup', () => {
    const { html } = renderEmail({
      ...input,
      title: 'Tin <script>alert("x")</script>',
      body: '<img src=x onerror=alert(1)> & "trích dẫn"',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Tin &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích dẫn&quot;');
  });

  it('turns blank lines into paragraphs and single line breaks into <br>', () => {
    const { html } = renderEmail(input);
    expect(html).toContain('<p style="margin:0 0 12px">Người giao: Nguyễn Thị Hằng.<br>Hạn: 25/11/2026</p>');
    expect(html).toContain('<p style="margin:0 0 12px">Vui lòng xác nhận.</p>');
  });

  it('links to the record through the public address, escaping the URL in the attribute', () => {
    const { html } = renderEmail(input);
    expect(html).toContain('<a href="https://loa.bhxh.gov.vn/tasks?id=42&amp;tab=1"');
    expect(html).toContain('>Mở trong Loa</a>');
    expect(html).toContain('href="https://loa.bhxh.gov.vn/notifications"');
  });

  it('names the path when no public address is configured, and links nowhere', () => {
    const { text, html } = renderEmail({ ...input, publicUrl: undefined });
    expect(text).toContain('Xem trong Loa tại: /tasks?id=42&tab=1');
    expect(html).not.toContain('<a ');
    expect(html).toContain('Xem trong Loa tại: /tasks?id=42&amp;tab=1');
  });

  it('leaves out the body and the link when there are none', () => {
    const { text, html } = renderEmail({ ...input, body: null, link: null, publicUrl: undefined });
    expect(text.split('\n').slice(0, 3)).toEqual([input.title, '', '—']);
    expect(html).not.toContain('<p style="margin:0 0 12px">');
    expect(html).not.toContain('Xem trong Loa');
  });
});

/** Text that has broken web applications: injection, markup, and the corners of Unicode. */
export const INJECTION_TEXTS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(0) --',
  "%' OR loa_fold('x') LIKE '%",
  '\\',
  "\\'",
  '$1',
  '%_%',
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  'javascript:window.__xss=1',
  "{{constructor.constructor('window.__xss=1')()}}",
  '${7*7}',
  '"><svg onload=alert(1)>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  "=cmd|' /C calc'!A0",
];

export const UNICODE_TEXTS = [
  'Bảo hiểm xã hội Việt Nam',
  // Non-NFC Vietnamese: base letters followed by combining marks.
  'Ba\u0309o hie\u0302\u0309m xa\u0303 ho\u0323i',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '\u202Eabc\u202C',
  'zero\u200Bwidth\u200D\uFEFF',
  'שלום مرحبا',
  '👨‍👩‍👧‍👦🇻🇳💥',
  '\uFFFF\uFFFE',
  '\u0085\u2028\u2029',
  ' \t\r\n ',
  '',
];

/** Strings the server must refuse cleanly (PostgreSQL rejects NUL; a lone surrogate cannot be UTF-8). */
export const BROKEN_TEXTS = ['a\u0000b', '\u0000', '\uD800', 'x\uDC00y', 'abc\uD83D'];

/** File names that try to choose where (or as what) a file is written. */
export const HOSTILE_FILE_NAMES = [
  '../../etc/passwd',
  '..\\..\\windows\\system32\\drivers\\etc\\hosts',
  '/etc/passwd',
  'C:\\boot.ini',
  'a\u0000.pdf',
  '....//....//x.pdf',
  '%2e%2e%2f%2e%2e%2fx.pdf',
  `${'a'.repeat(5000)}.pdf`,
  '.htaccess',
  'con.pdf',
  '<script>.pdf',
  ' .pdf',
  'tài liệu.pdf',
];

/** Values of path segments: ids that exist nowhere, traversal, injection. */
export const HOSTILE_SEGMENTS = [
  '00000000-0000-0000-0000-000000000000',
  '..',
  '../../etc/passwd',
  "1' OR '1'='1",
  'a\u0000b',
  '%00',
  '-1',
  '99999999999999999999',
  'x'.repeat(3000),
  '<script>',
];

/** A size for people: bytes below 1 KB, then KB, then MB, with a Vietnamese decimal comma when `locale` is vi. */
export function fileSizeParts(bytes: number, locale: 'vi' | 'en'): { unit: 'bytes' | 'kb' | 'mb'; value: string } {
  const format = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
  if (bytes < 1024) return { unit: 'bytes', value: format(bytes) };
  if (bytes < 1024 * 1024) return { unit: 'kb', value: format(bytes / 1024) };
  return { unit: 'mb', value: format(bytes / (1024 * 1024)) };
}

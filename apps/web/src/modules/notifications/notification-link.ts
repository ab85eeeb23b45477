/** The in-app path a notification links to, or null for none or anything that would leave Loa. */
export function appPathOf(link: string | null | undefined): string | null {
  if (!link) return null;
  return link === '/' || /^\/[^/\\]/.test(link) ? link : null;
}

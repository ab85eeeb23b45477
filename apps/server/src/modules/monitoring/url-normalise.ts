// A stable key for "the same page": feeds, sitemaps, shares and hand-submitted links give one article many addresses
// (tracking parameters, AMP and mobile copies, www., default ports, fragments). The key is compared, never fetched.

/** Query parameters that only say where a click came from. */
const TRACKING_EXACT = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'ttclid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'zarsrc',
  'gidzl',
  'ocid',
  'cmpid',
  'ref_src',
  'ref_url',
  'amp',
]);
const TRACKING_PREFIXES = ['utm_', 'zalo_', 'fb_', 'hsa_', 'pk_', 'mtm_'];
/** Host prefixes of mobile and AMP copies of the same site. */
const MIRROR_HOST = /^(?:www\d*|m|mobile|amp)\./;
/** Path forms of AMP copies: a leading or trailing "amp" segment, or ".amp" before the extension or at the end. */
const AMP_SEGMENT = /^\/amp(?=\/)|\/amp$/i;
const AMP_SUFFIX = /\.amp(?=\.[a-z0-9]+$|$)/i;
const INDEX_PAGE = /\/index\.(?:html?|php|aspx?)$/i;

/** Tracking parameters, and the "?amp" / "?outputType=amp" switches of AMP copies. */
const isDropped = (name: string, value: string): boolean => {
  const lower = name.toLowerCase();
  if (lower === 'outputtype') return value.toLowerCase() === 'amp';
  return TRACKING_EXACT.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
};

/**
 * The key of a web address, or null when it is not an http(s) address. http and https give the same key; the key is
 * "https://" + host (lower case, no www./m./amp., no default port, no credentials) + path (no AMP form, no index page,
 * no trailing slash) + the remaining query parameters sorted by name then value; the fragment is dropped.
 */
export function urlKey(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed.replace(/^\/\//, '')}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  const host = url.hostname.replace(/\.$/, '').replace(MIRROR_HOST, '');
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;

  let path = url.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(AMP_SEGMENT, '').replace(AMP_SUFFIX, '').replace(INDEX_PAGE, '/');
  path = path.replace(/\/+$/, '');

  const kept = [...url.searchParams].filter(([name, value]) => !isDropped(name, value));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `https://${host}${port}${path}${query ? `?${query}` : ''}`;
}

/**
 * A tiny stand-in for `tldts` in the browser build of the mock API (aliased in vite.config.ts).
 *
 * MSW's cookie store uses `tough-cookie`, which asks `tldts.getDomain` for a cookie domain's public
 * suffix — and `tldts` bundles the whole public-suffix list (~250 kB raw), nearly half of the mock
 * chunk (issue 7, B3). The mock API never sets cookies on other domains (it sets none at all), so
 * "the last two labels" is a sufficient answer; IP addresses and single-label hosts (localhost) have no
 * registrable domain, as in tldts. Node and vitest keep the real package.
 */

/** Options tough-cookie passes; ignored by the stub. */
export interface GetDomainOptions {
  allowIcannDomains?: boolean;
  allowPrivateDomains?: boolean;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The registrable domain of `hostname` as its last two labels, or null for IPs and single labels. */
export function getDomain(hostname: string, _options?: GetDomainOptions): string | null {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  if (host === '' || IPV4.test(host) || host.includes(':')) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  return labels.slice(-2).join('.');
}

/**
 * The sites GovLint audits without being asked: *.gov.cn and *.政务 (Chrome matches the punycode,
 * xn--zfr164b). One list for the manifest's host_permissions (wxt.config.ts), the content script's
 * matches and the runtime test, so they cannot drift apart. No imports: wxt.config.ts reads it.
 */
export const BUILT_IN_DOMAINS = ['gov.cn', 'xn--zfr164b'] as const;

/** Match patterns: every scheme, every subdomain, every path. */
export const BUILT_IN_MATCHES = BUILT_IN_DOMAINS.map((d) => `*://*.${d}/*`);

/** A host under one of the domains (or the domain itself). */
export const BUILT_IN_HOSTS = new RegExp(BUILT_IN_DOMAINS.map((d) => `(^|\\.)${d.replace(/\./g, '\\.')}$`).join('|'), 'i');

/**
 * Which per-site settings apply to a host: the longest site key that is the host or a domain of it
 * (a key covers its sub-domains; a leading `*.` is allowed). Its own small module so the content
 * script can ask (auto-audit on or off) without the engine.
 */
export function siteKeyFor(sites: Record<string, unknown> | undefined, host: string): string | null {
  let best: string | null = null;
  let bestLen = -1;
  for (const key of Object.keys(sites ?? {})) {
    const k = key.toLowerCase().replace(/^\*\./, '');
    if ((host === k || host.endsWith('.' + k)) && k.length > bestLen) {
      best = key;
      bestLen = k.length;
    }
  }
  return best;
}

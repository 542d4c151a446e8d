/**
 * I. Links: the page's links, images and attachments that answer 404/403 (certain) or time out,
 * cannot connect or answer 5xx (suspected). The checking itself is an async lookup
 * (`lookups.checkLinks`, utils/link-check.ts in the background): without it the rule reports
 * nothing, so the page audit never waits for the network; the background runs this rule again
 * when the answers are in.
 */
import { defineRule } from './define';
import type { LinkCheckResult, PageLink, PageModel } from './types';

const KIND_ZH: Record<PageLink['kind'], string> = { a: '链接', img: '图片', attachment: '附件' };
const KIND_EN: Record<PageLink['kind'], string> = { a: 'Link', img: 'Image', attachment: 'Attachment' };
const TWO_LEVEL_SUFFIX = /\.(?:gov|com|org|edu|net|ac)\.cn$/;

/** The registrable part of a host: xx.gov.cn for www.xx.gov.cn, example.com for a.example.com. */
export function siteDomain(host: string): string {
  if (/^[\d.]+$/.test(host) || host === 'localhost' || host.includes(':')) return host;
  const parts = host.split('.');
  const n = TWO_LEVEL_SUFFIX.test(host) ? 3 : 2;
  return parts.slice(-n).join('.');
}

export function isSameSite(url: string, model: Pick<PageModel, 'host'>): boolean {
  try {
    const h = new URL(url).hostname.toLowerCase();
    return h === model.host || siteDomain(h) === siteDomain(model.host);
  } catch {
    return false;
  }
}

/** The links the rule checks: one per URL (fragment dropped), same site unless `external`. */
export function linksToCheck(model: PageModel, opts: { external?: boolean; kinds?: string[]; maxLinks?: number }): PageLink[] {
  const seen = new Set<string>();
  const out: PageLink[] = [];
  for (const l of model.links) {
    const url = l.url.replace(/#.*$/, '');
    if (seen.has(url) || !/^https?:/.test(url)) continue;
    if (opts.kinds && !opts.kinds.includes(l.kind)) continue;
    if (!opts.external && !isSameSite(url, model)) continue;
    if (url === model.url.replace(/#.*$/, '')) continue;
    seen.add(url);
    out.push({ ...l, url });
    if (opts.maxLinks && out.length >= opts.maxLinks) break;
  }
  return out;
}

/** A URL as a person reads it: /附件/年报.pdf, not /%E9%99%84%E4%BB%B6/… (the key keeps the URL itself). */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url; // a malformed escape: show it as it is
  }
}

type Verdict = { messageId: 'gone' | 'server' | 'timeout' | 'network'; certain: boolean } | null;

/** 404/410/403 are answers that the resource is not there for the public; the rest is doubt. */
export function verdictOf(r: LinkCheckResult): Verdict {
  if (r.status === 404 || r.status === 410 || r.status === 403) return { messageId: 'gone', certain: true };
  if (r.status !== null && r.status >= 500) return { messageId: 'server', certain: false };
  if (r.status === null && r.error === 'timeout') return { messageId: 'timeout', certain: false };
  if (r.status === null) return { messageId: 'network', certain: false };
  return null;
}

const broken = defineRule({
  id: 'link/broken',
  category: 'link',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '链接失效', en: 'Broken link' },
    description:
      '页面上的链接、图片、附件返回 404 或 403（确定），或超时、无法连接、返回 5xx（疑似）。由后台检查：先 HEAD，被拒再 GET；同一主机并发不超过 2；结果缓存一天。默认只查本站链接（选项 external 查外部链接）。首页上为“严重”。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）：链接可用性（错链、断链）',
    messages: {
      gone: { zh: '{kind}失效（HTTP {status}）：{text}', en: '{kindEn} is broken (HTTP {status}): {text}' },
      server: { zh: '{kind}疑似失效：服务器返回 {status}：{text}', en: '{kindEn} may be broken: the server answered {status}: {text}' },
      timeout: { zh: '{kind}疑似失效：{seconds} 秒内无响应：{text}', en: '{kindEn} may be broken: no answer within {seconds} s: {text}' },
      network: { zh: '{kind}疑似失效：无法连接服务器：{text}', en: '{kindEn} may be broken: the server cannot be reached: {text}' },
    },
  },
  defaultOptions: {
    /** Check links to other sites too. */
    external: false,
    kinds: ['a', 'img', 'attachment'] as string[],
    /** At most this many links per page (the first ones in page order). */
    maxLinks: 300,
    /** Shown in the timeout message; the checker's own timeout decides. */
    timeoutSeconds: 8,
  },
  async check(model, ctx) {
    const check = ctx.lookups.checkLinks;
    if (!check) return;
    const links = linksToCheck(model, ctx.options);
    if (links.length === 0) return;
    const results = await check(links);
    const byUrl = new Map(results.map((r) => [r.url, r]));
    for (const l of links) {
      const r = byUrl.get(l.url);
      if (!r) continue;
      const v = verdictOf(r);
      if (!v) continue;
      const shown = readableUrl(l.url);
      const text = l.text || shown;
      ctx.report({
        messageId: v.messageId,
        data: {
          kind: KIND_ZH[l.kind],
          kindEn: KIND_EN[l.kind],
          status: r.status ?? '',
          text: text === shown ? shown : `${text}（${shown}）`,
          url: l.url,
          seconds: ctx.options.timeoutSeconds,
        },
        excerpt: `${l.text ? l.text + ' ' : ''}${shown}`,
        selector: l.selector,
        key: l.url,
        certainty: v.certain ? 'certain' : 'suspected',
        levelShift: model.kind === 'home' ? 1 : undefined,
      });
    }
  },
});

export const linkRules = [broken];

/** The 检查指标 view of one site, from what the store holds (open findings of the veto rules only). */
import { siteSummary, VETO_ITEMS, type SiteSummary } from '../rules/summary';
import type { Store } from './db';

const VETO_RULES = [...new Set(VETO_ITEMS.flatMap((i) => i.rules))];

/** A site summary with how many of the site's pages GovLint has checked (a verdict on one page says little). */
export type SiteView = SiteSummary & { checkedPages: number };

export async function loadSiteSummary(store: Store, site: string): Promise<SiteView> {
  const findings = [];
  for await (const batch of store.iterate({ site, status: 'open', ruleId: VETO_RULES })) findings.push(...batch);
  // Counted on the pages' site index: the popup opens this on every click, over a store of thousands of pages.
  const checkedPages = await store.db.countFromIndex('pages', 'site', site);
  return { ...(siteSummary(findings)[0] ?? zeroSummary(site)), checkedPages };
}

/** Below this many checked pages, "no veto risk" is not a verdict: the site needs a sweep. */
export const FEW_PAGES = 20;

/** A site with none of the veto findings: every item passes. */
function zeroSummary(site: string): SiteSummary {
  return {
    site,
    findings: 0,
    pages: 0,
    families: [],
    risk: false,
    items: VETO_ITEMS.map((i) => ({ id: i.id, title: i.title, titleEn: i.en, count: 0, threshold: i.threshold, verdict: 'pass', verdictText: '通过', examples: [] })),
  };
}

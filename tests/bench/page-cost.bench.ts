/**
 * What GovLint costs the page it audits (issue 10, item 8), in real Chromium with the built
 * extension: time from the page's load event to the panel on screen, and the longest task of the
 * page's main thread (PerformanceObserver 'longtask') from load until the panel is drawn — on a
 * static 100 KB article and a 2 MB page. Needs `npx wxt build`.
 */
import { article } from './engine.bench';
import { launch, serve } from '../e2e/harness';

async function measure(html: string, runs: number) {
  const site = await serve({ '/p.html': html });
  const b = await launch();
  const toPanel: number[] = [];
  const longest: number[] = [];
  try {
    await b.context.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    for (let i = 0; i < runs; i++) {
      const page = await b.context.newPage();
      await page.goto(`${site.origin('www.cnx.gov.cn')}/p.html?run=${i}`, { waitUntil: 'load' });
      const loadAt = await page.evaluate(() => performance.timing.loadEventEnd - performance.timing.navigationStart);
      await page.waitForSelector('govlint-panel', { state: 'attached', timeout: 30000 });
      // The content script marks the moment the panel is drawn (govlint:shown) on the page's own timeline.
      const shownAt = await page.waitForFunction(() => performance.getEntriesByName('govlint:shown')[0]?.startTime).then((h) => h.jsonValue() as Promise<number>);
      toPanel.push(shownAt - loadAt);
      longest.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long)));
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('govlint:')).map((m) => [m.name.slice(8), Math.round(m.startTime)])));
      if (process.env.GOVLINT_MARKS) console.log({ loadAt, ...marks });
      await page.close();
    }
  } finally {
    await b.close();
    await site.close();
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { toPanel: med(toPanel), longest: med(longest) };
}

export async function run(): Promise<Record<string, number>> {
  const small = await measure(article(100_000), 5);
  const big = await measure(article(2_000_000), 3);
  return {
    'page.article_100k.loadToPanelMs': small.toPanel,
    'page.article_100k.longestTaskMs': small.longest,
    'page.page_2m.loadToPanelMs': big.toPanel,
    'page.page_2m.longestTaskMs': big.longest,
  };
}

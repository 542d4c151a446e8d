/**
 * What GovLint costs the page it audits (issue 10, item 8), in real Chromium with the built
 * extension: time from the page's load event to the panel on screen, and the longest task of the
 * page's main thread (PerformanceObserver 'longtask') — of the whole load, and of the tasks that end
 * after GovLint's content script started (govlint:start) up to a second after the panel is drawn,
 * which is where GovLint's own work lies (median and worst of the runs; in wall time as the page
 * sees it, and in CPU time from a Chromium trace, which a busy machine does not inflate) — on a
 * static 100 KB article and a 2 MB page. Needs `npx wxt build`. GOVLINT_MARKS=1 prints each run's marks,
 * measures and long tasks; GOVLINT_EXTENSION=<dir> measures a copy of a build.
 */
import type { Page } from 'playwright-core';
import { article } from './engine.bench';
import { launch, serve } from '../e2e/harness';

type TraceEvent = { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };

/** Starts a Chromium trace of the page; the function returned ends it and gives its events. */
async function traceOf(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    return events;
  };
}

/**
 * The thread (CPU) time of the longest task on the page's main thread after GovLint's content
 * script started. A long task's wall time also counts the time the OS gave the CPU to another
 * process: on a busy machine (2 cores, other jobs) wall times double or triple, CPU times do not.
 */
function longestCpuAfterStart(events: TraceEvent[]): number {
  const start = events.find((e) => e.name === 'govlint:start' && e.cat.includes('user_timing'));
  if (!start) return NaN;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === start.pid && e.tid === start.tid && e.ts + (e.dur ?? 0) > start.ts);
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000));
}

async function measure(html: string, runs: number) {
  const site = await serve({ '/p.html': html });
  // GOVLINT_EXTENSION: a copy of a build to measure (others may rebuild .output meanwhile).
  const b = await launch(process.env.GOVLINT_EXTENSION ? { extension: process.env.GOVLINT_EXTENSION } : {});
  const toPanel: number[] = [];
  const longest: number[] = [];
  const ours: number[] = [];
  const cpu: number[] = [];
  try {
    await b.context.addInitScript(() => {
      const w = window as unknown as { __long: number[]; __longAt: [number, number][] };
      w.__long = [];
      w.__longAt = [];
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => {
          w.__long.push(e.duration);
          w.__longAt.push([Math.round(e.startTime), Math.round(e.duration)]);
        }),
      ).observe({ type: 'longtask', buffered: true });
    });
    for (let i = 0; i < runs; i++) {
      const page = await b.context.newPage();
      const endTrace = await traceOf(page);
      await page.goto(`${site.origin('www.cnx.gov.cn')}/p.html?run=${i}`, { waitUntil: 'load' });
      const loadAt = await page.evaluate(() => performance.timing.loadEventEnd - performance.timing.navigationStart);
      await page.waitForSelector('govlint-panel', { state: 'attached', timeout: 30000 });
      // The content script marks the moment the panel is drawn (govlint:shown) on the page's own timeline.
      const shownAt = await page.waitForFunction(() => performance.getEntriesByName('govlint:shown')[0]?.startTime, null, { polling: 100 }).then((h) => h.jsonValue() as Promise<number>);
      toPanel.push(shownAt - loadAt);
      // Drawing's own cost (style and paint of the highlights) lands in the frames after govlint:shown.
      await page.waitForTimeout(1000);
      const startAt = await page.evaluate(() => performance.getEntriesByName('govlint:start')[0]?.startTime ?? 0);
      const tasks = await page.evaluate(() => (window as unknown as { __longAt: [number, number][] }).__longAt);
      // GovLint's: the tasks that end after its content script started (the page's own parsing and
      // layout before that are not ours); all tasks, the page's included, for comparison.
      ours.push(Math.max(0, ...tasks.filter(([at, d]) => at + d > startAt).map(([, d]) => d)));
      longest.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long)));
      cpu.push(longestCpuAfterStart(await endTrace()));
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('govlint:')).map((m) => [m.name.slice(8), Math.round(m.startTime)])));
      if (process.env.GOVLINT_MARKS) {
        // Where the time goes: the content script's marks and measures, and each long task as [start, duration].
        const measures = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('govlint:')).map((m) => [m.name.slice(8), Math.round(m.duration)])));
        console.log(JSON.stringify({ loadAt, marks, measures, longTasks: tasks }));
      }
      await page.close();
    }
  } finally {
    await b.close();
    await site.close();
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { toPanel: med(toPanel), longest: med(longest), ours: med(ours), oursMax: Math.max(...ours), cpu: med(cpu), cpuMax: Math.max(...cpu) };
}

export async function run(): Promise<Record<string, number>> {
  const small = await measure(article(100_000), 5);
  const big = await measure(article(2_000_000), 3);
  return {
    'page.article_100k.loadToPanelMs': small.toPanel,
    'page.article_100k.longestTaskMs': small.longest,
    'page.article_100k.longestTaskAfterStartMs': small.ours,
    'page.article_100k.longestTaskAfterStartMaxMs': small.oursMax,
    'page.article_100k.longestTaskAfterStartCpuMs': small.cpu,
    'page.article_100k.longestTaskAfterStartCpuMaxMs': small.cpuMax,
    'page.page_2m.loadToPanelMs': big.toPanel,
    'page.page_2m.longestTaskMs': big.longest,
    'page.page_2m.longestTaskAfterStartMs': big.ours,
    'page.page_2m.longestTaskAfterStartMaxMs': big.oursMax,
    'page.page_2m.longestTaskAfterStartCpuMs': big.cpu,
    'page.page_2m.longestTaskAfterStartCpuMaxMs': big.cpuMax,
  };
}

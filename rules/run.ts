/**
 * One path for every caller (service worker, dashboard sweep, CLI, tests):
 * HTML + URL → PageModel → findings. Also the in-memory lookups a batch run uses where the
 * extension uses its store.
 */
import { audit, type AuditOptions } from './engine';
import { indexNumberOf, shapeOf } from './index-number';
import { extractPage } from './page/extract';
import { resolveSite, todayIso } from './config';
import type { AuditLookups, AuditResult, Config, PageModel } from './types';

export interface PageAudit extends AuditResult {
  model: PageModel;
}

export function extractFor(html: string, url: string, config: Config = {}, charset?: string): PageModel {
  const host = safeHost(url);
  const site = resolveSite(config, host);
  return extractPage(html, url, { fieldAliases: site.fieldAliases, charset, today: config.today ?? todayIso() });
}

export async function auditHtml(html: string, url: string, config: Config = {}, opts: AuditOptions & { charset?: string } = {}): Promise<PageAudit> {
  const model = extractFor(html, url, config, opts.charset);
  const result = await audit(model, config, opts);
  return { model, ...result };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Index numbers of the pages of one batch run, answering the page-spanning rules' questions. */
export class MemoryLookups implements AuditLookups {
  private byIndex = new Map<string, Set<string>>();
  private shapes = new Map<string, Map<string, number>>();
  private urlIndex = new Map<string, string>();

  add(model: Pick<PageModel, 'url' | 'site' | 'fields'>): void {
    const value = indexNumberOf(model as PageModel);
    if (value) this.addNumber(model.url, model.site, value);
  }

  /** A page's index number known from before (a resumed sweep's earlier pages). */
  addNumber(url: string, site: string, value: string): void {
    if (this.urlIndex.has(url)) return;
    this.urlIndex.set(url, value);
    if (!this.byIndex.has(value)) this.byIndex.set(value, new Set());
    this.byIndex.get(value)!.add(url);
    const perSite = this.shapes.get(site) ?? new Map<string, number>();
    const shape = shapeOf(value);
    perSite.set(shape, (perSite.get(shape) ?? 0) + 1);
    this.shapes.set(site, perSite);
  }

  async urlsWithIndexNumber(indexNumber: string, exceptUrl: string): Promise<string[]> {
    return [...(this.byIndex.get(indexNumber) ?? [])].filter((u) => u !== exceptUrl);
  }

  async indexNumberShapes(site: string): Promise<Record<string, number>> {
    return Object.fromEntries(this.shapes.get(site) ?? []);
  }
}

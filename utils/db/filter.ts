/** The dashboard's filters: what a finding must match, and the equalities an index can serve. */
import { FIELD_LASTSEEN } from './schema';
import { normalizeUrl } from './identity';
import type { FindingFilter, StoredFinding } from './model';

export const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

export function matchesFilter(f: StoredFinding, filter: FindingFilter): boolean {
  const site = asList(filter.site);
  if (site && !site.includes(f.site)) return false;
  if (filter.column !== undefined) {
    const cols = Array.isArray(filter.column) ? filter.column : [filter.column];
    if (!cols.includes(f.column ?? null)) return false;
  }
  const rule = asList(filter.ruleId);
  if (rule && !rule.includes(f.ruleId)) return false;
  const level = asList(filter.level);
  if (level && !level.includes(f.level)) return false;
  const status = asList(filter.status);
  if (status && !status.includes(f.status)) return false;
  const cert = asList(filter.certainty);
  if (cert && !cert.includes(f.certainty)) return false;
  if (filter.url !== undefined && f.url !== normalizeUrl(filter.url)) return false;
  if (filter.from !== undefined && f.lastSeen < filter.from) return false;
  if (filter.to !== undefined && f.lastSeen > filter.to) return false;
  if (filter.text) {
    const q = filter.text.toLowerCase();
    const hay = (f.message + '\u0000' + f.excerpt + '\u0000' + f.pageTitle + '\u0000' + f.url).toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** Single-valued equality filters an index can serve, as [field, value]. */
export function equalities(filter: FindingFilter): [(typeof FIELD_LASTSEEN)[number], string][] {
  const out: [(typeof FIELD_LASTSEEN)[number], string][] = [];
  for (const k of FIELD_LASTSEEN) {
    const v = filter[k];
    if (typeof v === 'string') out.push([k, v]);
    else if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') out.push([k, v[0]]);
  }
  return out;
}

export function isEmptyFilter(filter: FindingFilter): boolean {
  return Object.values(filter).every((v) => v === undefined || v === '');
}

export function clean(filter: FindingFilter): FindingFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as FindingFilter;
}


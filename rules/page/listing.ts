import type { CheerioAPI } from 'cheerio';
import type { Listing } from '../types';

/** Column list of a listing page (owned by the columns issue; placeholder until it lands). */
export function extractListing(_$: CheerioAPI, _baseUrl: string, _ctx: { today?: string }): Listing | null {
  return null;
}

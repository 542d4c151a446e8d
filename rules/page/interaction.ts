import type { CheerioAPI } from 'cheerio';
import type { InteractionItem } from '../types';

/** 留言/咨询 messages with their replies (owned by the columns issue; placeholder until it lands). */
export function extractInteraction(_$: CheerioAPI, _baseUrl: string): InteractionItem[] {
  return [];
}

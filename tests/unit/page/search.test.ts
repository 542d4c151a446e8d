import { describe, expect, it } from 'vitest';
import { audit } from '../../../rules/engine';
import { extractPage } from '../../../rules/page/extract';
import { isSearchResultsPage } from '../../../rules/page/search';

describe('search results pages', () => {
  it('are known by a query parameter and a search host, path or title', () => {
    expect(isSearchResultsPage('http://sousuo.gov.cn/s.htm?t=govall&q=%E7%96%AB%E6%83%85', '')).toBe(true);
    expect(isSearchResultsPage('http://www.a.gov.cn/search/index.jsp?searchword=防汛', '')).toBe(true);
    expect(isSearchResultsPage('http://www.a.gov.cn/jsearch/?q=1', '')).toBe(true);
    expect(isSearchResultsPage('http://www.a.gov.cn/list.jsp?keyword=防汛', '站内检索结果')).toBe(true);
    // A query parameter alone is not enough, nor a search path without a query.
    expect(isSearchResultsPage('http://www.a.gov.cn/art/2024/1/1/art_1_2.html?q=1', '通知')).toBe(false);
    expect(isSearchResultsPage('http://www.a.gov.cn/search/', '搜索')).toBe(false);
  });
  it('get no text findings on their snippets, and are no article', async () => {
    const html = `<html><head><title>中国政府网站内搜索</title></head><body><h1>4月21日疫情防控和复工复产最新消息!</h1>
<p>国务院联防联控机制21日召开新闻发布会:经陆续复工复产,全国规模以上工业企业开工率已达99%,工作方案(试行)印发。各地要结合xx市实际抓好落实工作。</p></body></html>`;
    const url = 'http://sousuo.gov.cn/s.htm?q=%E7%96%AB%E6%83%85';
    const model = extractPage(html, url);
    expect(model.searchResults).toBe(true);
    expect(model.kind).toBe('other');
    const r = await audit(model, { today: '2020-04-22', profile: 'strict' });
    expect(r.findings.filter((f) => f.category === 'text')).toEqual([]);
    // The same text on an ordinary page is checked.
    const plain = await audit(extractPage(html, 'http://www.a.gov.cn/art/1.html'), { today: '2020-04-22', profile: 'strict' });
    expect(plain.findings.some((f) => f.ruleId === 'text/placeholder')).toBe(true);
  });
});

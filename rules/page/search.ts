/**
 * A site-search results page (中国政府网站内搜索, 站内检索): its titles and snippets are other pages'
 * text as the search engine rewrites it (punctuation folded to half-width, query terms split by
 * highlight tags), nothing its editor wrote or can fix. Known by its address: a query parameter
 * and a search host, path or title.
 */
const QUERY_PARAMS = ['q', 'wd', 'kw', 'word', 'query', 'keyword', 'keywords', 'searchword', 'searchWord', 'searchKey', 'qt'];
const SEARCH_HOST = /^(?:sousuo|search|so|s)\./i;
const SEARCH_PATH = /(?:^|\/)(?:search|sousuo|s|so|jsearch|fullsearch|query)(?:[._-][a-z]*)?(?:\.(?:s?html?|jsp|aspx?|php|do|action))?(?:\/|$)/i;
const SEARCH_TITLE = /搜索|检索/;

export function isSearchResultsPage(url: string, title: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!QUERY_PARAMS.some((p) => (u.searchParams.get(p) ?? '').trim() !== '')) return false;
  return SEARCH_HOST.test(u.hostname) || SEARCH_PATH.test(u.pathname) || SEARCH_TITLE.test(title);
}

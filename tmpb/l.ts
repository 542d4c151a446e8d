import { load } from 'cheerio/slim';
import { readFileSync } from 'fs';
const html = readFileSync('/tmp/a100.html', 'utf8');
for (let k = 0; k < 3; k++) {
  const t = performance.now(); for (let i = 0; i < 30; i++) load(html); console.log('load', ((performance.now() - t) / 30).toFixed(2));
}
import { extractPage } from '../rules/page/extract';
for (let k = 0; k < 3; k++) {
  const t = performance.now(); for (let i = 0; i < 30; i++) extractPage(html, 'http://www.cnx.gov.cn/a.html'); console.log('extract', ((performance.now() - t) / 30).toFixed(2));
}

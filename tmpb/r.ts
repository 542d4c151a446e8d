import { readFileSync } from 'fs';
import { extractPage } from '../rules/page/extract';
import { audit } from '../rules/engine';
const html = readFileSync('/tmp/a100.html', 'utf8');
const m = extractPage(html, 'http://www.cnx.gov.cn/a.html');
const acc: Record<string, number> = {};
for (let i = 0; i < 25; i++) { const r = await audit(m, { today: '2026-11-22' }); if (i >= 5) for (const t of r.timings) acc[t.ruleId] = (acc[t.ruleId] ?? 0) + t.ms / 20; }
console.log(Object.entries(acc).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(2)}`).join('\n'));
console.log('total', Object.values(acc).reduce((a, b) => a + b, 0).toFixed(2));

/**
 * Golden tests: for every fixture page, the full list of findings is compared with the reviewed
 * expected file next to it (`<page>.expected.json`). A change in what GovLint reports on a real
 * layout shows up here as a diff a reviewer reads. After reviewing a deliberate change, rewrite
 * the files with `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../rules/page/decode';
import { auditHtml } from '../../rules/run';
import type { Config } from '../../rules/types';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
/** Folders of pages with golden files, and the day their expectations were written for. */
const SETS: { dir: string; config: Config }[] = [
  { dir: 'pages', config: { today: '2026-06-30', profile: 'daily' } },
  { dir: 'columns', config: { today: '2026-11-22', profile: 'daily' } },
];
const UPDATE = process.env.UPDATE_GOLDEN === '1';

for (const set of SETS) {
  const dir = join(FIXTURES, set.dir);
  if (!existsSync(dir)) continue;
  const pages = readdirSync(dir).filter((f) => /\.html$/.test(f));
  describe(`golden: ${set.dir}`, () => {
    it.each(pages)('%s', async (file) => {
      const { html, charset } = decodeHtml(readFileSync(join(dir, file)));
      const url = /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)/i.exec(html)?.[1] ?? `http://www.cnx.gov.cn/${set.dir}/${file}`;
      const result = await auditHtml(html, url, set.config, { charset });
      expect(result.diagnostics).toEqual([]);
      const actual = result.findings
        .map((f) => ({ ruleId: f.ruleId, level: f.level, certainty: f.certainty, message: f.message, suggestion: f.suggestion ?? null, key: f.key }))
        .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.key.localeCompare(b.key));
      const goldenFile = join(dir, file.replace(/\.html$/, '.expected.json'));
      if (UPDATE || !existsSync(goldenFile)) {
        writeFileSync(goldenFile, JSON.stringify(actual, null, 2) + '\n');
        if (!UPDATE) throw new Error(`没有期望文件，已生成 ${goldenFile}：请审阅后再运行`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
    });
  });
}

/**
 * npm run real:merge — folds tests/real/review-parts/*.json (reviews written in parallel) into
 * tests/real/review.json, page by page (a part's page replaces the same page of review.json), then
 * deletes the parts.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_FILE, REVIEW_PARTS_DIR, loadReview, type Review } from './corpus';

const merged: Review = loadReview();
const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(REVIEW_FILE, JSON.stringify(sorted, null, 1) + '\n');
let parts = 0;
for (const f of existsSync(REVIEW_PARTS_DIR) ? readdirSync(REVIEW_PARTS_DIR).filter((x) => x.endsWith('.json')) : []) {
  JSON.parse(readFileSync(join(REVIEW_PARTS_DIR, f), 'utf8')); // already merged above; fails loudly on a broken part
  rmSync(join(REVIEW_PARTS_DIR, f));
  parts++;
}
console.log(`review.json：${Object.keys(sorted).length} 个页面（并入 ${parts} 个审阅文件）`);

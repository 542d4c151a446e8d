/**
 * Sizes of the built extension's scripts (`npx wxt build` first): the content script runs in every
 * government page the editor opens, so its size is a page cost (issue 10: ≤ 60 kB gzipped).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export async function run(): Promise<Record<string, number>> {
  if (!existsSync(OUT)) throw new Error('先运行 npx wxt build');
  const kb = (p: string) => {
    const b = readFileSync(p);
    return { raw: b.length / 1024, gz: gzipSync(b, { level: 9 }).length / 1024 };
  };
  const content = kb(join(OUT, 'content-scripts/content.js'));
  const worker = kb(join(OUT, 'background.js'));
  const chunks = readdirSync(join(OUT, 'chunks')).reduce((n, f) => n + kb(join(OUT, 'chunks', f)).gz, 0);
  return {
    'bundle.content_script_kB': content.raw,
    'bundle.content_script_gzip_kB': content.gz,
    'bundle.background_gzip_kB': worker.gz,
    'bundle.page_chunks_gzip_kB': chunks,
  };
}

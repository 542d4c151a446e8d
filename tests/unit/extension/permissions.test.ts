/**
 * The narrowest permissions: every API permission the manifest asks for is used by the code
 * (a `browser.<name>` call in entrypoints/, utils/ or components/). activeTab has no API of its
 * own: it is what lets the popup's 检查此页 inject the content script into the active tab.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

const ROOT = resolve(import.meta.dirname, '../../..');
const NO_API = new Set(['activeTab']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('manifest permissions', () => {
  const manifest = config.manifest as { permissions: string[] };
  const code = ['entrypoints', 'utils', 'components'].flatMap((d) => sources(join(ROOT, d))).map((f) => readFileSync(f, 'utf8')).join('\n');

  it.each(manifest.permissions)('%s is used by the code', (perm) => {
    if (NO_API.has(perm)) return expect(code).toMatch(/scripting\.executeScript/);
    expect(code).toMatch(new RegExp(`\\bbrowser\\.${perm}\\b`));
  });
});

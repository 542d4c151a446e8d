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
  // The manifest is a function of the target browser (key and minimum version for Chromium only).
  const manifestOf = config.manifest as unknown as (env: { browser: string }) => { permissions: string[]; host_permissions: string[]; optional_host_permissions?: string[] };
  const manifest = manifestOf({ browser: 'chrome' });
  const code = ['entrypoints', 'utils', 'components'].flatMap((d) => sources(join(ROOT, d))).map((f) => readFileSync(f, 'utf8')).join('\n');

  it.each(manifest.permissions)('%s is used by the code', (perm) => {
    if (NO_API.has(perm)) return expect(code).toMatch(/scripting\.executeScript/);
    expect(code).toMatch(new RegExp(`\\bbrowser\\.${perm}\\b`));
  });

  it('asks for no host beyond *.gov.cn and *.政务 at install; any other host only when the user adds it', () => {
    expect(manifest.host_permissions).toEqual(['*://*.gov.cn/*', '*://*.xn--zfr164b/*']);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(code).toMatch(/browser\.permissions\.request\(/);
    expect(code).toMatch(/browser\.permissions\.remove\(/);
  });
});

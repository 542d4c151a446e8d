import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILT_IN_MATCHES } from './utils/built-in-hosts';

// See ../shared/DESIGN.md. Permissions are the narrowest that do the job:
// - content script only on *.gov.cn and *.政务 (xn--ciqr9s… punycode is what Chrome matches);
// - activeTab + scripting for an on-demand audit of any other page the user opens the popup on;
// - storage for settings (exports are saved with an <a download> link: no downloads permission);
// - optional host permissions, asked for one site at a time when the user adds it.
/**
 * The public half of the extension's signing key: Chromium derives the extension id from it, so every
 * install (load unpacked, drag-and-drop, any folder) is gakopkemljkaobcffchlnopimfhakgoc, exported
 * links and backups keep working, and an update keeps the store. Nobody holds the private half: we
 * ship zips, not .crx files, and a store listing gets its own key.
 */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsP+qxUE66PG2SLPvRixgS7jOnqtfmvaXoSS8I768Ixb9i+L5ZdixoYnTaiTQmCSVj6nG/3E1otadirORSYbIIYruVXpv8xZ9iKpdly0V4MSgZa2DZWk4o7AvKvDeemrdGY0Y+HRhMNlFgv4tTGPt/vKB2oMV7t6+FciDSroHLcioPOvgZdd4dgbijJ/dP5HMMmazpKTlErpkeg1Gz3O5K1089Z2oHVWgtp/dk9MAVvEictR7Qj13YrgT9EhHXXbXhHjJYvARD3oPe7LRwDOH+UbKCh4KBTiDcXTp1Pfp4Cx0bd4WQ584U0kC0R4UVUiKv0oWj+yMZ+678Rhf9X7XSQIDAQAB';

/**
 * Chromium 105 brings the CSS Custom Highlight API the overlay paints findings with; MV3 itself needs
 * 88. A 360 or 奇安信 browser on an older kernel refuses to install rather than run without
 * highlights; docs/install.md says how to read the kernel version.
 */
export const MINIMUM_CHROME_VERSION = '105';

export default defineConfig({
  // Every module imports what it uses: no auto-imports (they also pulled utils/ into engine tests).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The overlay's stylesheet must load on pages audited on demand too (any site, via activeTab).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const r of manifest.web_accessible_resources ?? []) if (typeof r === 'object' && 'matches' in r) r.matches = ['<all_urls>'];
    },
    // The 疑似错别字 model ships as a packaged file the worker fetches (utils/typo-model.ts); the
    // repository keeps one copy, in rules/model/.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve(wxt.config.root, 'rules/model/typo-model.bin'), relativeDest: 'model/typo-model.bin' });
    },
  },
  zip: {
    artifactTemplate: 'govlint-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: 'govlint-{{packageVersion}}-sources.zip',
    // What a reviewer needs to rebuild the extension, not the test corpus of third-party pages.
    excludeSources: ['tests/**', 'release/**', 'samples/**', 'docs/screenshots/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: BUILT_IN_MATCHES,
    // A site the user adds in the settings (preview host, intranet address) is asked for then, one
    // host at a time (utils/auto-sites.ts); nothing beyond *.gov.cn is granted at install.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+G' }, description: '在页面上显示或隐藏检查结果（面板和标注）' },
    },
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*'], browser_specific_settings: { gecko: { id: 'govlint@govlint.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } } }
      : { key: EXTENSION_KEY, minimum_chrome_version: MINIMUM_CHROME_VERSION }),
  }),
});

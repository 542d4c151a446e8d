import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See ../shared/DESIGN.md. Permissions are the narrowest that do the job:
// - content script only on *.gov.cn and *.政务 (xn--ciqr9s… punycode is what Chrome matches);
// - activeTab + scripting for an on-demand audit of any other page the user opens the popup on;
// - storage for settings (exports are saved with an <a download> link: no downloads permission).
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
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: ['*://*.gov.cn/*', '*://*.xn--zfr164b/*'],
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: {
      gecko: { id: 'govlint@govlint.local', data_collection_permissions: { required: ['none'] } },
    },
  },
});

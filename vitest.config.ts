import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: fast, in Node (fake-indexeddb, WXT's fake browser). End-to-end tests in real
// Chromium live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/sweep/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20000,
  },
});

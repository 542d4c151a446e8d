import { defineConfig } from 'vitest/config';

// Fault tests (npm run test:faults): hostile pages, responses and configs through the CLI, and the
// store's upgrades seeded with data. Each test's timeout is its time bound.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

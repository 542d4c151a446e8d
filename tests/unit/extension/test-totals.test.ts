// npm test's closing line adds up: one failed test in a file is one failure, not two.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { countTotals } from '../../../scripts/test-totals.mjs';

describe('npm test totals', () => {
  it('counts a failed test once and a file that did not load as one failure', () => {
    const unit = {
      numPassedTests: 395, numFailedTests: 1, numFailedTestSuites: 1,
      testResults: [{ status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] }, { status: 'passed', assertionResults: [] }],
    };
    const e2e = { numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 1, testResults: [{ status: 'failed', assertionResults: [] }] };
    expect(countTotals([unit, e2e])).toEqual({ passed: 405, failed: 2 });
  });
});

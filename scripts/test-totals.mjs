// Totals over vitest JSON reports (jest-compatible shape), for npm test's closing line.
// A failed test counts once; a test file that failed to load (no failed test of its own) counts
// as one failure, so the line adds up to what ran.
export function countTotals(reports) {
  let passed = 0;
  let failed = 0;
  for (const r of reports) {
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  }
  return { passed, failed };
}

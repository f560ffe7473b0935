// Prints Vitest's JSON report as one closing line, "<label>: N passed, N failed", for CI logs.
import { readFileSync } from 'node:fs';

const [file, label = 'tests'] = process.argv.slice(2);
/** @type {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number, numTotalTests: number }} */
const report = JSON.parse(readFileSync(file, 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `${label.replace(/\s+/g, '-')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(report.numFailedTests === 0 && report.numTotalTests > 0 ? 0 : 1);

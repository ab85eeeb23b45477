// `npm run bench` runs every benchmark; `npm run bench -- budget` (or `search`, `monitoring`) runs one. Each prints its figures
// and compares them against its own baseline measured in the same run.
import { runApiBenchmark } from './api.bench.js';
import { runBudgetBenchmark } from './budget.bench.js';
import { runMonitoringBenchmark } from './monitoring.bench.js';
import { timeAnnualReport } from './annual-report.js';
import { runReportsBenchmark } from './reports.bench.js';
import { runSearchBenchmark } from './search.bench.js';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  search: runSearchBenchmark,
  budget: runBudgetBenchmark,
  monitoring: runMonitoringBenchmark,
  reports: () => runReportsBenchmark(timeAnnualReport),
  api: runApiBenchmark,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}.`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
  await BENCHMARKS[name]!();
}

// `npm run bench`: runs every benchmark and prints its figures (each compares against its own baseline).
import { runSearchBenchmark } from './search.bench.js';

await runSearchBenchmark();

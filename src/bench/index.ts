import { designerBench } from "./designer.bench";
import { engineBench } from "./engine.bench";
import type { Bench } from "./registry";
import { runtimeBench } from "./runtime.bench";

/** Benchmarks run by `npm run bench`; add new ones here. Pass names as arguments to run a subset. */
const benches: Bench[] = [engineBench, runtimeBench, designerBench];

const selected = process.argv.slice(2);
for (const bench of benches) {
  if (selected.length > 0 && !selected.some((name) => bench.name.startsWith(name))) continue;
  console.log(`\n# ${bench.name}`);
  await bench.run();
}

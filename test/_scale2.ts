import { parseDockerfile } from '../server/src/analysis/parseDockerfile';
import { analyzeParsed } from '../server/src/analysis/analyze';
import { ALL_RULES } from '../server/src/analysis/rules';
const stage = (i: number) => `FROM debian:bookworm AS s${i}\nRUN apt-get update && apt-get install -y gcc \\\n    && make -C /src\nCOPY --from=s${Math.max(0, i - 1)} /out /out\n`;
const n = +process.argv[2];
const only = process.argv[3];
const text = Array.from({ length: n }, (_, i) => stage(i)).join('');
const parsed = parseDockerfile(text);
analyzeParsed(parsed, undefined, []);
for (const rule of ALL_RULES.filter((r) => !only || r.id === only)) {
  const t = Date.now(); analyzeParsed(parsed, undefined, [rule]);
  console.log(rule.id, Date.now() - t, 'ms, heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB');
}

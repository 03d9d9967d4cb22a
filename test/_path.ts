import { analyze } from '../server/src/analysis/analyze';
import { IncrementalAnalysis } from '../server/src/analysis/incremental/incrementalAnalysis';
const stage = (i: number) => `FROM debian:bookworm AS s${i}\nRUN apt-get update && apt-get install -y gcc \\\n    && make -C /src\nCOPY --from=s${Math.max(0, i - 1)} /out /out\n`;
const inputs: Record<string, string> = {
  fiveMb: Array.from({ length: 40000 }, (_, i) => stage(i % 5000)).join('').slice(0, 5 * 1024 * 1024),
  oneMbLine: 'FROM alpine\nRUN echo ' + 'a'.repeat(1024 * 1024) + '\n',
  continuations: 'FROM alpine\nRUN true \\\n' + '    && echo line \\\n'.repeat(50000) + '    && true\n',
  tenThousandStages: Array.from({ length: 10000 }, (_, i) => `FROM alpine AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} / /\n`).join(''),
  heredocTop: 'FROM alpine\nRUN <<EOF\n' + Array.from({ length: 10000 }, (_, i) => `FROM alpine AS s${i}\nRUN echo\n`).join(''),
};
for (const [name, text] of Object.entries(inputs)) {
  let t = Date.now();
  const r = analyze(text);
  const a = Date.now() - t;
  const inc = new IncrementalAnalysis();
  t = Date.now(); inc.analyze(text); const o = Date.now() - t;
  const edited = text.slice(0, 20) + 'x' + text.slice(20);
  t = Date.now(); inc.analyze(edited); const e = Date.now() - t;
  console.log(name, (text.length / 1e6).toFixed(1), 'MB analyze', a, 'inc open', o, 'edit', e, 'failures', r.failures.map((f) => f.ruleId), 'findings', r.findings.length, 'rss', (process.memoryUsage().rss / 1e6).toFixed(0));
}

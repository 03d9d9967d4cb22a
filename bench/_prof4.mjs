import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
const { IncrementalAnalysis } = await import('/work/main/server/src/analysis/incremental/incrementalAnalysis.ts');
const n = +(process.argv[2] ?? 500);
let text = generateMultiStageDockerfile(n);
const inc = new IncrementalAnalysis();
inc.analyze(text);
const times = [];
const parts = {};
for (let e = 0; e < 200; e++) {
  const line = 10 + Math.floor((e * 7919) % (n * 22 - 20));
  const lines = text.split('\n');
  lines[line] = lines[line] + 'x';
  text = lines.join('\n');
  const t = process.hrtime.bigint();
  inc.analyze(text);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
console.log(n, 'median', times[100].toFixed(2), 'p90', times[180].toFixed(2), 'min', times[0].toFixed(2));

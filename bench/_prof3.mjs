import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
const { analyze } = await import('/work/main/server/src/analysis/analyze.ts');
const { IncrementalAnalysis } = await import('/work/main/server/src/analysis/incremental/incrementalAnalysis.ts');
const strip = (r) => JSON.stringify({ f: r.findings, fl: r.failures, g: r.graph.stages.map((s) => ({ ...s, instructions: s.instructions.map((i) => i.getRange()) })) });
for (const n of [5, 50, 500]) {
  let text = generateMultiStageDockerfile(n);
  const inc = new IncrementalAnalysis();
  inc.analyze(text);
  const times = [];
  for (let e = 0; e < 40; e++) {
    const line = 10 + Math.floor((e * 7919) % (n * 22 - 20));
    const lines = text.split('\n');
    lines[line] = lines[line] + 'x';
    text = lines.join('\n');
    const t = process.hrtime.bigint();
    const r = inc.analyze(text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (process.env.CHECK && e % 10 === 0 && strip(r) !== strip(analyze(text))) console.log('MISMATCH', n, e);
  }
  times.sort((a, b) => a - b);
  console.log(n, 'median', times[20].toFixed(2), 'p90', times[36].toFixed(2));
}

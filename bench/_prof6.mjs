import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
const { IncrementalParser } = await import('/work/main/server/src/analysis/incremental/incrementalParser.ts');
const { buildStageGraph } = await import('/work/main/server/src/analysis/buildStageGraph.ts');
const { readSuppressions } = await import('/work/main/server/src/analysis/suppressions.ts');
const n = 500;
let text = generateMultiStageDockerfile(n);
const p = new IncrementalParser();
p.parse(text);
const P = [], G = [], S = [];
const lines = text.split('\n');
const line = 3 + 22 * Math.floor(n / 2) + 12;
for (let e = 0; e < 200; e++) {
  lines[line] += 'abcdefghij'[e % 10]; text = lines.join('\n');
  let t = process.hrtime.bigint();
  const parsed = p.parse(text);
  P.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  buildStageGraph(parsed, {});
  G.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  readSuppressions(parsed, parsed.dockerfile.getInstructions());
  S.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1].toFixed(2);
console.log(n, 'parse', med(P), 'graph', med(G), 'suppressions', med(S));

import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
const { IncrementalParser } = await import('/work/main/server/src/analysis/incremental/incrementalParser.ts');
const { analyzeParsed } = await import('/work/main/server/src/analysis/analyze.ts');
for (const n of [50, 500]) {
  let text = generateMultiStageDockerfile(n);
  const p = new IncrementalParser(); analyzeParsed(p.parse(text));
  const lines = text.split('\n'); const line = 3 + 22 * Math.floor(n / 2) + 12;
  const P = [], G = [], A = [];
  for (let e = 0; e < 40; e++) {
    lines[line] += 'x'; text = lines.join('\n');
    let t = performance.now(); const parsed = p.parse(text); P.push(performance.now() - t);
    t = performance.now(); analyzeParsed(parsed, undefined, []); G.push(performance.now() - t);
    t = performance.now(); analyzeParsed(parsed); A.push(performance.now() - t);
  }
  const med = (x: number[]) => x.sort((a, b) => a - b)[20].toFixed(1);
  console.log(n, 'stages: parse', med(P), 'ms; graph+suppressions', med(G), 'ms; graph+suppressions+all rules', med(A), 'ms');
}

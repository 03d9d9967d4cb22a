import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
import { DockerfileParser } from 'dockerfile-ast';
const { analyze } = await import('/work/main/server/src/analysis/analyze.ts');
for (const n of [5, 50, 500]) {
  const text = generateMultiStageDockerfile(n);
  console.log(n, text.split('\n').length - 1, text.length);
  for (let r = 0; r < 3; r++) {
    let t = process.hrtime.bigint();
    DockerfileParser.parse(text);
    const p = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    const res = analyze(text);
    const a = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(' parse', p.toFixed(2), 'analyze', a.toFixed(2), res.findings.length, res.failures.length);
  }
}

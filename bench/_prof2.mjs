import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
import { DockerfileParser } from 'dockerfile-ast';
const text = generateMultiStageDockerfile(500);
for (let r = 0; r < 10; r++) {
  let t = process.hrtime.bigint();
  DockerfileParser.parse(text);
  console.log(Number(process.hrtime.bigint() - t) / 1e6);
}

import { readFileSync } from 'node:fs';
import { parseDockerfile } from './server/src/analysis/parseDockerfile';
import { buildStageGraph } from './server/src/analysis/buildStageGraph';
import { locateRunCommands } from './server/src/analysis/runCommands';
const p = parseDockerfile(readFileSync(process.argv[2],'utf8').split('\n').filter(l=>!/^\s*#\s*\^/.test(l)).join('\n'));
const g = buildStageGraph(p);
console.log(g.escapeChar, g.stages.map(s=>s.baseExpanded));
for (const s of g.stages) for (const i of s.instructions) if (i.getKeyword()==='RUN') console.log(JSON.stringify(locateRunCommands(i,p,g.escapeChar).map(c=>[c.command.words.map(w=>w.text), c.wordRanges[0]])));

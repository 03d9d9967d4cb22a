import { readFileSync } from 'node:fs';
import { classifyImage } from './server/src/analysis/images';
const refs = readFileSync('/tmp/fx/refs.txt','utf8').split('\n').filter(Boolean);
let unknown = 0;
for (const r of refs) { const ref = r.replace(/<[^>]+>/g,'1').replace(/\{([^,}]+)[^}]*\}/g,'$1').replace(/\*/g,'x').split(/[ ,]/)[0]; const f = classifyImage(ref); if (f.libc==='unknown') { unknown++; console.log('UNKNOWN', r, '->', ref); } }
console.log('total', refs.length, 'unknown', unknown);

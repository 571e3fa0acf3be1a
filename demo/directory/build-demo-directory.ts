/**
 * Writes `demo-directory.json` from the typed demo data. Run after changing any file in this
 * folder: `npx tsx demo/directory/build-demo-directory.ts`. It refuses to write a snapshot
 * the widget's own validator would refuse.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { formatProblem, validateSnapshot } from '../../src/directory/validate-snapshot.js';
import { demoDirectory, serializeDirectory } from './demo-directory.js';

const snapshot = demoDirectory();
const result = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
const problems = result.ok ? result.warnings : result.problems;
for (const problem of problems) console.error(formatProblem(problem));
if (!result.ok) {
  console.error(`[build-demo-directory] not written: ${problems.length + result.omitted} problems`);
  process.exit(1);
}
const json = serializeDirectory(snapshot);
const out = new URL('./demo-directory.json', import.meta.url);
writeFileSync(out, json);
console.log(
  `[build-demo-directory] ${snapshot.services.length} services, ${Buffer.byteLength(json)} bytes, ${gzipSync(json, { level: 9 }).length} bytes gzip -> ${out.pathname}`,
);

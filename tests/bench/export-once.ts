// One export in a fresh process, so its peak RSS is the export's own (run by run.ts):
//   tsx tests/bench/export-once.ts <DATABASE_URL> <editionId> <csv|xlsx>
import { openDatabase } from '../../src/lib/server/db/dialect';
import { enrolmentFilterSchema } from '../../src/lib/schemas/enrolment-filter';
import { exportEnrolments, isExportFormat } from '../../src/lib/server/reports/enrolment-export.service';

const [url, editionId, format] = process.argv.slice(2);
if (!isExportFormat(format)) throw new Error(`format must be csv or xlsx, got ${format}`);
const handle = await openDatabase(url, { poolSize: 2 });
const actor = { id: 1, displayName: 'bench', roles: ['coordinator' as const] };
// Every status: all 100,000 rows of the data set.
const filter = enrolmentFilterSchema.parse({ status: 'all' });
global.gc?.();
const baselineMb = process.memoryUsage().rss / 1048576;
const started = performance.now();
const file = await exportEnrolments(handle.db, actor, Number(editionId), filter, format, 'nl');
let bytes = 0;
let lines = 0;
// Both formats are streamed: count the bytes and lines as a client would receive them.
const reader = file.body.getReader();
for (let r = await reader.read(); !r.done; r = await reader.read()) {
	bytes += r.value.byteLength;
	for (const b of r.value) if (b === 10) lines++;
}
const ms = performance.now() - started;
await handle.close();
console.log(JSON.stringify({ ms, bytes, lines, baselineMb, peakMb: process.resourceUsage().maxRSS / 1024 }));

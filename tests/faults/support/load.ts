/**
 * A bounded load of a few clients, as people would drive the app: demo users log
 * in, open pages, and the demo teacher enrols classes with names of their own. Each
 * request is recorded with the phase it started in, its status and how long it
 * took; each enrolment with what the HTTP answer told the client about it.
 */
export type EnrolVerdict = 'acknowledged' | 'refused' | 'saved' | 'unknown' | 'failed';

export interface RequestRecord {
	client: number;
	kind: 'login' | 'page' | 'enrol' | 'health';
	phase: string;
	status: number; // 0: no HTTP answer (network error or our own 30 s abort)
	/** performance.now() when the request was sent. */
	at: number;
	ms: number;
	outcome: string | null;
	error?: string;
}

export interface EnrolRecord {
	name: string;
	phase: string;
	verdict: EnrolVerdict;
	status: number;
}

export interface LoadOptions {
	origin: string;
	editionId: number;
	campusId: number;
	clients: number;
	phase: () => string;
	stopped: () => boolean;
}

const password = 'Paars-demo-2026';
const people = ['teacher@example.org', 'coordinator@example.org', 'trainer@example.org', 'teacher.trainer@example.org'];
const pagesOf: Record<string, string[]> = {
	'teacher@example.org': ['/teacher', `/teacher/editions/{edition}/enrol`],
	'coordinator@example.org': ['/coordinator', '/coordinator/editions'],
	'trainer@example.org': ['/trainer'],
	'teacher.trainer@example.org': ['/trainer', '/teacher']
};

export async function runLoad(options: LoadOptions) {
	const requests: RequestRecord[] = [];
	const enrolments: EnrolRecord[] = [];
	const run = `${Date.now().toString(36)}`;

	async function request(client: number, kind: RequestRecord['kind'], path: string, init: RequestInit = {}) {
		const phase = options.phase();
		const started = performance.now();
		try {
			// The abort is only a safety net for the test itself; the limit is asserted on `ms`.
			const response = await fetch(options.origin + path, { redirect: 'manual', signal: AbortSignal.timeout(30_000), ...init });
			await response.arrayBuffer();
			const record: RequestRecord = {
				client,
				kind,
				phase,
				status: response.status,
				at: started,
				ms: performance.now() - started,
				outcome: response.headers.get('x-db-outcome')
			};
			requests.push(record);
			return { response, record };
		} catch (err) {
			const record: RequestRecord = {
				client,
				kind,
				phase,
				status: 0,
				at: started,
				ms: performance.now() - started,
				outcome: null,
				error: (err as Error).message
			};
			requests.push(record);
			return { response: null, record };
		}
	}

	const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
		method: 'POST',
		// As a browser posts a form without JavaScript: Kit answers `accept: */*` with an ActionResult in JSON.
		headers: { origin: options.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(fields).toString()
	});

	async function client(n: number) {
		const email = people[n % people.length];
		let cookie: string | undefined;
		let count = 0;
		while (!options.stopped()) {
			count++;
			if (!cookie || count % 10 === 0) {
				const { response } = await request(n, 'login', '/login', form({ email, password }));
				const set = response?.headers.get('set-cookie') ?? '';
				const match = /sc_session=([^;]+)/.exec(set);
				if (response?.status === 303 && match) cookie = `sc_session=${match[1]}`;
				if (!cookie) {
					await pause(200);
					continue;
				}
			}
			const pages = pagesOf[email];
			const path = pages[count % pages.length].replace('{edition}', String(options.editionId));
			await request(n, 'page', path, { headers: { cookie, accept: 'text/html' } });
			if (count % 5 === 0) await request(n, 'health', '/health');
			if (email === 'teacher@example.org') {
				const name = `F${run}-${n}-${count}`.slice(0, 40);
				const { response, record } = await request(
					n,
					'enrol',
					`/teacher/editions/${options.editionId}/enrol`,
					form({ campusId: String(options.campusId), name, grade: 'S4', pupilCount: '20', language: 'nl', remarks: '' }, cookie)
				);
				enrolments.push({ name, phase: record.phase, status: record.status, verdict: verdictOf(response, record) });
			}
			await pause(50);
		}
	}

	await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
	return { requests, enrolments };
}

/** What the HTTP answer told the teacher about their enrolment. */
function verdictOf(response: Response | null, record: RequestRecord): EnrolVerdict {
	if (!response) return 'failed';
	const location = response.headers.get('location') ?? '';
	if (response.status === 303 && /notice=(enrolled|waiting)/.test(location)) return 'acknowledged';
	if (response.status === 303 && location.startsWith('/login')) return 'refused'; // session lost: nothing was attempted
	if (response.status === 503)
		return record.outcome === 'saved' ? 'saved' : record.outcome === 'unknown' ? 'unknown' : record.outcome === 'none' ? 'refused' : 'failed';
	if (response.status >= 400 && response.status < 500) return 'refused';
	return 'failed';
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

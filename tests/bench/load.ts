import autocannon from 'autocannon';

/**
 * Load from autocannon (npm) on the same machine, as the figures were
 * taken: a number of connections, each sending its next request as soon as
 * the previous answer is in, for a time or a number of requests.
 */
export interface LoadResult {
	requestsPerSecond: number;
	requests: number;
	p50: number;
	p99: number;
	max: number;
	/** Answers by HTTP status, e.g. { "200": 812 }. */
	statuses: Record<string, number>;
	errors: number;
	timeouts: number;
	seconds: number;
}

export interface LoadOptions {
	url: string;
	connections: number;
	/** Seconds; ignored when `amount` is given. */
	duration?: number;
	amount?: number;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	/** Per connection (e.g. its own session cookie and form body). */
	setupClient?: (client: autocannon.Client) => void;
	timeoutSeconds?: number;
}

export interface RunningLoad {
	done: Promise<LoadResult>;
	/** Ends the load early (a light page measured while a download runs). */
	stop(): void;
}

export function startLoad(opts: LoadOptions): RunningLoad {
	let instance: autocannon.Instance;
	const done = new Promise<LoadResult>((resolve, reject) => {
		instance = autocannon(
			{
				url: opts.url,
				connections: opts.connections,
				...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
				method: opts.method ?? 'GET',
				headers: opts.headers,
				setupClient: opts.setupClient,
				timeout: opts.timeoutSeconds ?? 30
			},
			(err, r) => {
				if (err) return reject(err);
				const statuses: Record<string, number> = {};
				for (const [code, s] of Object.entries((r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}))
					statuses[code] = s.count;
				resolve({
					requestsPerSecond: r.requests.total / Math.max(r.duration, 0.001),
					requests: r.requests.total,
					p50: r.latency.p50,
					p99: r.latency.p99,
					max: r.latency.max,
					statuses,
					errors: r.errors,
					timeouts: r.timeouts,
					seconds: r.duration
				});
			}
		);
	});
	return { done, stop: () => instance.stop() };
}

export const runLoad = (opts: LoadOptions) => startLoad(opts).done;

/** Answers other than the expected status, for a note ("12 × 500, 3 time-outs"). */
export function unexpected(r: LoadResult, expected: number): string | undefined {
	const parts = Object.entries(r.statuses)
		.filter(([code]) => Number(code) !== expected)
		.map(([code, n]) => `${n} × ${code}`);
	if (r.timeouts) parts.push(`${r.timeouts} time-outs`);
	else if (r.errors) parts.push(`${r.errors} errors`);
	return parts.length ? parts.join(', ') : undefined;
}

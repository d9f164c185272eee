import { z } from 'zod';

/**
 * Every environment variable the app reads, parsed once. Kept free of Kit aliases
 * so the command-line scripts (db:migrate, db:seed, user:create) can import it.
 */
const schema = z.object({
	NODE_ENV: z.string().default('development'),
	DATABASE_URL: z.string().default('sqlite:data/app.sqlite'),
	DATA_DIR: z.string().default('data'),
	ORIGIN: z.string().url().optional(),
	/** smtp://user:pass@host:587 or smtps://…:465; unset, mails stay in the outbox. */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	/** The From address of every mail (a bare address; the city's name is the display name). Default no-reply@<host of ORIGIN>. */
	MAIL_FROM: z.string().email().optional(),
	/** Delivery: attempts before a mail is marked failed, and the seconds between outbox runs. */
	MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
	JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(60),
	SESSION_IDLE_HOURS: z.coerce.number().positive().default(48),
	SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(14),
	/** Failed logins per account and address before the delay starts growing. */
	LOGIN_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().positive().default(5),
	/** Failed logins per client address in the window: generous, a school shares one NAT. */
	LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(200),
	LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
	/** Registrations (with a valid campus code) per e-mail address in the window: each one mails that address. */
	REGISTRATIONS_PER_EMAIL: z.coerce.number().int().positive().default(5),
	/** Registration posts per client address in the window, wrong codes included: a school shares one NAT. */
	REGISTRATIONS_PER_CLIENT_ADDRESS: z.coerce.number().int().positive().default(50),
	REGISTRATION_WINDOW_MINUTES: z.coerce.number().positive().default(60),
	/** Largest file a coordinator may upload (bytes); the upload stream stops there. */
	UPLOAD_MAX_BYTES: z.coerce
		.number()
		.int()
		.positive()
		.default(100 * 1024 * 1024),
	/**
	 * Brotli/gzip for the app's own answers (hooks/compression.ts). `off` behind a
	 * proxy that compresses itself (deploy/nginx), so nothing is compressed twice.
	 */
	COMPRESSION: z.enum(['on', 'off']).default('on'),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
	/**
	 * Time limits on MySQL/MariaDB (milliseconds), so a frozen or unreachable database
	 * gives a quick 503 instead of a request that hangs (see db/limits.ts for the reasoning).
	 */
	DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
	DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
	DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
	DB_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).default(1000),
	/** What a 503 answer tells clients in its Retry-After header (seconds). */
	DB_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(5),
	/**
	 * Render workers (threads) for the heavy downloads: report PDF, bulk certificates
	 * (workers/render-pool.ts). Default: one per core, at least 2, at most 4; 0 draws
	 * on the request's own thread. Downloads beyond the workers wait in a queue of
	 * RENDER_QUEUE, at most RENDER_QUEUE_WAIT_SECONDS; beyond that: 503 "busy".
	 */
	RENDER_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
	RENDER_QUEUE: z.coerce.number().int().min(0).default(8),
	RENDER_QUEUE_WAIT_SECONDS: z.coerce.number().positive().default(60),
	/** With NODE_ENV=test only: the server's clock runs this many days ahead (end-to-end tests of "a week later"). */
	TEST_CLOCK_SHIFT_DAYS: z.coerce.number().finite().default(0),
	/** Set by Vitest: one-time links are not echoed to the console during tests. */
	VITEST: z.string().optional()
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
	cached ??= schema.parse(process.env);
	return cached;
}

export const isProduction = () => config().NODE_ENV === 'production';

/** Used in tests that change the environment between cases. */
export function resetConfigForTests(): void {
	cached = undefined;
}

/**
 * The origin used for every link that leaves the app (mails, QR codes, feeds):
 * never the request's Host header, which a client controls.
 */
export function publicOrigin(): string {
	const origin = config().ORIGIN;
	if (origin) return origin.replace(/\/$/, '');
	if (isProduction()) throw new Error('ORIGIN must be set in production');
	return `http://localhost:${process.env.PORT ?? '3000'}`;
}

/** DATABASE_URL with its password replaced, for log lines and start-up errors. */
export function maskUrl(url: string): string {
	return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

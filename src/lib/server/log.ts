/**
 * JSON lines on stdout. Never log request bodies; e-mail addresses are masked
 * wherever they appear in a message or a field.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const emailPattern = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function maskEmails(text: string): string {
	return text.replace(emailPattern, '$1***@$2');
}

function mask(value: unknown): unknown {
	if (typeof value === 'string') return maskEmails(value);
	if (Array.isArray(value)) return value.map(mask);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
	}
	return value;
}

// The one place that reads process.env itself (config.ts is the rule): the log must
// work while the configuration is invalid (start-up logs why), and tests switch
// LOG_LEVEL and LOG_IN_TESTS at run time.
function threshold(): number {
	const level = (process.env.LOG_LEVEL ?? 'info') as Level;
	return order[level] ?? order.info;
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (order[level] < threshold()) return;
	if (process.env.VITEST && level !== 'error' && !process.env.LOG_IN_TESTS) return;
	const line = { time: new Date().toISOString(), level, msg: maskEmails(msg), ...(mask(fields) as object) };
	process.stdout.write(JSON.stringify(line) + '\n');
}

export const logger = {
	debug: (msg: string, fields?: Record<string, unknown>) => log('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => log('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => log('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => log('error', msg, fields)
};

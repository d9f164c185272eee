import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';

/**
 * The one SMTP transport of the process, made from SMTP_URL (smtp:// with STARTTLS
 * when the server offers it, smtps:// for TLS from the start). Timeouts are short:
 * a server that hangs must cost one attempt, not block the outbox for minutes.
 * Returns null without SMTP_URL: mails then stay in the outbox.
 */
let cached: { url: string; transport: Transporter } | undefined;

export function smtpTransport(): Transporter | null {
	const url = config().SMTP_URL;
	if (!url) return null;
	if (cached?.url !== url) {
		cached?.transport.close();
		cached = { url, transport: makeTransport(url) };
	}
	return cached.transport;
}

const productionTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

/**
 * Pooled: one connection carries many mails (a new TCP and TLS handshake per
 * mail costs more than the mail), and a broken connection is replaced.
 */
export function makeTransport(url: string, timeouts: Partial<typeof productionTimeouts> = {}): Transporter {
	return nodemailer.createTransport({ url, pool: true, maxConnections: 1, maxMessages: 100, ...productionTimeouts, ...timeouts });
}

export function closeSmtpTransport(): void {
	cached?.transport.close();
	cached = undefined;
}

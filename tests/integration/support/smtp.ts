import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Transporter } from 'nodemailer';
import { makeTransport } from '../../../src/lib/server/mail/smtp-transport';

/**
 * A real SMTP server inside the test process: mails are received over TCP and
 * parsed by mailparser, so tests see exactly what a mailbox would. `failNext`
 * makes the next deliveries fail the way real servers do: refusing with a
 * temporary 451, refusing for good with 550, or dropping the connection in the
 * middle of the message.
 */
export interface TestSmtp {
	url: string;
	received: ParsedMail[];
	/** Envelope recipients per received message, in arrival order. */
	envelopes: string[][];
	failNext(n: number, how: 'temporary' | 'permanent' | 'drop'): void;
	/** Makes the server take this long to accept each mail, like a real one under load. */
	slowDown(ms: number): void;
	transport(): Transporter;
	close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
	const received: ParsedMail[] = [];
	const envelopes: string[][] = [];
	let failures: { left: number; how: 'temporary' | 'permanent' | 'drop' } = { left: 0, how: 'temporary' };
	let delayMs = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			if (failures.left > 0) {
				failures.left--;
				if (failures.how === 'drop') {
					// Read a little of the message, then hang up without an answer.
					const socket = findSocket(server, session.id);
					stream.on('data', () => {});
					stream.once('data', () => socket?.destroy());
					return;
				}
				stream.on('data', () => {});
				stream.on('end', () => {
					const err = new Error(failures.how === 'permanent' ? 'Mailbox unavailable' : 'Try again later') as Error & { responseCode: number };
					err.responseCode = failures.how === 'permanent' ? 550 : 451;
					callback(err);
				});
				return;
			}
			simpleParser(stream)
				.then(async (mail) => {
					if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
					received.push(mail);
					envelopes.push(session.envelope.rcptTo.map((r) => r.address));
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = ((server as unknown as { server: net.Server }).server.address() as AddressInfo).port;
	const url = `smtp://127.0.0.1:${port}`;
	const transports: Transporter[] = [];
	return {
		url,
		received,
		envelopes,
		failNext(n, how) {
			failures = { left: n, how };
		},
		slowDown(ms) {
			delayMs = ms;
		},
		transport() {
			// Short timeouts: a test must not wait the production 30 seconds.
			const t = makeTransport(url, { connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 2_000 });
			transports.push(t);
			return t;
		},
		async close() {
			for (const t of transports) t.close();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

function findSocket(server: SMTPServer, sessionId: string): net.Socket | undefined {
	const connections = (server as unknown as { connections: Set<{ id: string; _socket: net.Socket }> }).connections;
	for (const c of connections) if (c.id === sessionId) return c._socket;
	return undefined;
}

/** A server that accepts connections and never says a word: the client's timeouts must end the attempt. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

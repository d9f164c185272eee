// A throw-away SMTP server for the CI smoke run: accepts every mail and counts
// them into the file named by its first argument (one line per mail: the
// Message-ID), so the smoke run can compare what the job says it sent with what
// arrived. Port from SMTP_SINK_PORT. SMTP_SINK_DELAY_MS makes it a slow server
// (that long before each mail is accepted), so that the two-process test's
// senders surely overlap (tests/procs).
import { SMTPServer } from 'smtp-server';
import { appendFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const delayMs = Number(process.env.SMTP_SINK_DELAY_MS ?? 0);
writeFileSync(file, '');
const server = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, callback) {
		let head = '';
		stream.on('data', (chunk) => {
			if (head.length < 20000) head += chunk.toString('utf8');
		});
		stream.on('end', () => {
			const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '?';
			appendFileSync(file, `${id}\n`);
			setTimeout(callback, delayMs);
		});
	}
});
server.listen(Number(process.env.SMTP_SINK_PORT ?? 2525), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

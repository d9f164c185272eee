import { runJobsOnce } from '../src/lib/server/jobs/runner';
import { closeSmtpTransport, smtpTransport } from '../src/lib/server/mail/smtp-transport';
import { config } from '../src/lib/server/config';
import { openAndMigrate } from './cli';

// One pass of the background jobs (reminders, follow-ups, outbox delivery), for
// cron or by hand; the app runs the same pass on its own timer.
const handle = await openAndMigrate();
if (!config().SMTP_URL) console.warn('SMTP_URL is not set: reminders are queued, nothing is sent.');
const result = await runJobsOnce(handle.db, smtpTransport());
console.log(JSON.stringify(result));
closeSmtpTransport();
await handle.close();

import * as m from '$lib/paraglide/messages';

export const statusLabel = (s: string) =>
	s === 'sent' ? m.mail_status_sent() : s === 'failed' ? m.mail_status_failed() : s === 'sending' ? m.mail_status_sending() : m.mail_status_pending();

import { config, publicOrigin } from '../config';

/**
 * The address every mail comes from, and the ORGANIZER of calendar invitations:
 * MAIL_FROM, or no-reply at the app's own host (never the request's Host header).
 */
export function mailFromAddress(): string {
	return config().MAIL_FROM ?? `no-reply@${new URL(publicOrigin()).hostname}`;
}

/**
 * Mails are rendered in the recipient's language, outside any request, so every
 * message takes the locale explicitly. The one-time link never enters a rendered
 * body: bodies carry this placeholder and the sender fills it in from the
 * outbox's secret_link column, which no page shows.
 */
export const secretLinkPlaceholder = '[[secret-link]]';

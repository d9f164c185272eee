/** How the city's contact setting should be shown on the public statements: a mail link, a web link or plain text. */
export function contactKind(contact: string): 'email' | 'url' | 'text' | 'none' {
	if (!contact) return 'none';
	if (/^[^\s@]+@[^\s@]+$/.test(contact)) return 'email';
	return /^https?:\/\//i.test(contact) ? 'url' : 'text';
}

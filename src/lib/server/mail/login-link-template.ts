// Placeholder: written by the login-link work (see the brief). Replaced, not kept.
import type { Locale } from '../db/schema';
import type { Parts } from './templates';
export interface LoginLinkParams { name: string }
export function loginLinkParts(_p: LoginLinkParams, _locale: Locale, _city: string): Parts {
	throw new Error('login link mail not written yet');
}

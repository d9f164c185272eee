// Placeholder: written by the mail-events work (see the brief). Replaced, not kept.
import type { Locale } from '../db/schema';
import type { Parts } from './templates';
export interface ClassWithdrawnParams { name: string; className: string; edition: string; campus: string; url: string }
export interface KitOrderMailParams { name: string; event: 'approved' | 'ready' | 'handed_over'; campus: string; edition: string; url: string }
export interface CertificateAvailableParams { name: string; kind: 'class' | 'campus' | 'trainer'; subject: string; edition: string; url: string }
export function classWithdrawnParts(_p: ClassWithdrawnParams, _locale: Locale, _city: string): Parts {
	throw new Error('not written yet');
}
export function kitOrderParts(_p: KitOrderMailParams, _locale: Locale, _city: string): Parts {
	throw new Error('not written yet');
}
export function certificateAvailableParts(_p: CertificateAvailableParams, _locale: Locale, _city: string): Parts {
	throw new Error('not written yet');
}

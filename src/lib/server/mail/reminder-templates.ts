// Placeholder: written by the reminders work (see the brief). Replaced, not kept.
import type { Locale } from '../db/schema';
import type { Parts } from './templates';
export interface WaitingListNoticeParams { name: string; classes: string; edition: string; closesAt: string; url: string }
export function waitingListNoticeParts(_p: WaitingListNoticeParams, _locale: Locale, _city: string): Parts {
	throw new Error('not written yet');
}

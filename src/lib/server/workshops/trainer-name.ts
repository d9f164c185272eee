/**
 * Teachers, co-trainers and calendars know a trainer by first name (and
 * organisation) only: the full name and e-mail stay with the city.
 */
export const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0] ?? displayName;

/** "Robin (Wel Jong)", or just "Robin" without an organisation. */
export const trainerLabel = (t: { displayName: string; organisation: string | null }) =>
	t.organisation ? `${firstName(t.displayName)} (${t.organisation})` : firstName(t.displayName);

/**
 * Teachers, co-trainers and calendars know a trainer by first name (and
 * organisation) only: the full name and e-mail stay with the city.
 */
export const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0] ?? displayName;

/** "Robin (Organisation)", or just "Robin" without an organisation. */
export const trainerLabel = (t: { displayName: string; organisationName: string | null }) =>
	t.organisationName ? `${firstName(t.displayName)} (${t.organisationName})` : firstName(t.displayName);

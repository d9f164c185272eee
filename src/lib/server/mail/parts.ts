/**
 * What one mail kind says; render.ts puts it in the frame every mail shares.
 * A leaf module: kinds import it, and it imports nothing, so the kinds, the
 * registry and the renderer never form an import loop.
 */
export interface Parts {
	subject: string;
	greeting: string;
	lines: string[];
	action: string;
	/** A public link; without one the action points at the secret link placeholder. */
	url?: string;
	after: string;
	/** Why this person gets this mail, said in the footer ("… because you enrolled class 1A"). */
	why: string;
	/** The campaign edition the mail is about; account mails have none and name the city only. */
	campaign?: string;
}

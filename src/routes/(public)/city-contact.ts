/** The city's settings the privacy and accessibility statements need (from the root layout). */
export interface StatementCity {
	cityName: string;
	contactEmail: string | null;
	website: string | null;
	dpoName: string | null;
	dpoEmail: string | null;
	accessibilityEmail: string | null;
}

export interface StatementContact {
	/** The address to write to: the statement's own one, else the general one. */
	email: string | null;
	/** True when the address is the statement's own (the DPO's, the accessibility contact's). */
	own: boolean;
	person: string | null;
	website: string | null;
}

/** Whom a reader of a statement writes to; a city that set nothing still gets a sentence that reads well. */
export function statementContact(city: StatementCity | null | undefined, topic: 'privacy' | 'accessibility'): StatementContact {
	const own = topic === 'privacy' ? (city?.dpoEmail ?? null) : (city?.accessibilityEmail ?? null);
	return {
		email: own ?? city?.contactEmail ?? null,
		own: !!own,
		person: topic === 'privacy' ? (city?.dpoName ?? null) : null,
		website: city?.website ?? null
	};
}

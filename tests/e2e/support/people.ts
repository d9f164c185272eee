/** The Kortrijk demo accounts (db/seeds/demo-data.ts) and unique addresses for new ones. */
export const demoPassword = 'Paars-demo-2026';

export const demo = {
	coordinator: { email: 'coordinator@example.org', name: 'Griet Coppens', start: '/coordinator' },
	trainer: { email: 'trainer@example.org', name: 'Robin Claeys', start: '/trainer' },
	teacher: { email: 'teacher@example.org', name: 'Lies Vanhoutte', start: '/teacher' },
	teacherTrainer: { email: 'teacher.trainer@example.org', name: 'Jelle Desmet', start: '/trainer' },
	englishTrainer: { email: 'trainer2@example.org', name: 'Noor De Smet', start: '/trainer' }
} as const;

let counter = 0;

/** A suffix no other test (or earlier run on the same database) uses. */
export function unique(): string {
	counter += 1;
	return `${Date.now().toString(36)}${counter}`;
}

export const uniqueEmail = (prefix: string, suffix = unique()) => `${prefix}.${suffix}@example.org`;

/** A password that passes the rules (10+ characters, not a common one). */
export const newPassword = (suffix = unique()) => `Paarse-fiets-${suffix}`;

/**
 * Passwords of 10+ characters that top the public breach lists, plus local ones
 * (Dutch words, the city, the campaign). A short list by design: it stops the
 * first guesses of an attacker without shipping a megabyte to the browser.
 * Compared lower-cased, and with trailing digits and symbols stripped too.
 */
const list = [
	'1234567890',
	'12345678910',
	'123456789a',
	'0123456789',
	'0987654321',
	'1111111111',
	'0000000000',
	'1q2w3e4r5t',
	'1qaz2wsx3edc',
	'qwertyuiop',
	'asdfghjkl',
	'azertyuiop',
	'qwertzuiop',
	'zxcvbnm',
	'password',
	'passw0rd',
	'wachtwoord',
	'paswoord',
	'motdepasse',
	'iloveyou',
	'princess',
	'sunshine',
	'football',
	'baseball',
	'superman',
	'batman',
	'starwars',
	'pokemon',
	'whatever',
	'trustno1',
	'letmein',
	'welcome',
	'welkom',
	'welkom01',
	'changeme',
	'administrator',
	'admin',
	'secret',
	'geheim',
	'monkey',
	'dragon',
	'master',
	'shadow',
	'michael',
	'jennifer',
	'computer',
	'internet',
	'belgie',
	'belgium',
	'vlaanderen',
	'brussel',
	'antwerpen',
	'regenboog',
	'rainbow',
	'school',
	'leerkracht',
	'teacher',
	'coordinator',
	'trainer',
	'qwerty',
	'abcdefghij',
	'abc123',
	'aaaaaaaaaa',
	'lovelove',
	'chocolate',
	'liverpool',
	'chelsea',
	'arsenal',
	'manchester',
	'barcelona',
	'samsung',
	'google',
	'facebook',
	'linkedin',
	'microsoft',
	'summer',
	'winter',
	'zomer',
	'lente'
];

const set = new Set(list);

export function isCommonPassword(password: string): boolean {
	const lower = password.toLowerCase();
	const stem = lower.replace(/[\d\W_]+$/u, '');
	if (set.has(lower) || set.has(stem)) return true;
	// One character repeated, or a plain run of digits, is never a password.
	return /^(.)\1+$/u.test(lower) || /^\d+$/.test(lower);
}

import { createHash } from 'node:crypto';
import { newToken, randomCrockford } from '../auth/crypto';

/**
 * The short link's code of a pupils' questionnaire: 8 Crockford letters and
 * digits (40 bits), shown as ABCD-EFGH so a class can type it from the board.
 * It lets a pupil answer that one questionnaire while it is open, nothing else.
 */
export const newSurveyCode = () => randomCrockford(8);

/** What a pupil typed ("abcd efgh", "ABCD-EFGH", with O for 0) as the stored code, or null. */
export function normaliseSurveyCode(raw: string): string | null {
	const code = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(code) ? code : null;
}

export const formatSurveyCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The device's own random id, in a cookie on the pupil's phone (never stored as such). */
export const deviceCookie = 'sc_device';
export const newDeviceId = newToken;

/**
 * The mark that says "this device answered this questionnaire": a hash of both,
 * so the table holds no device id, and a mark of one questionnaire says nothing
 * about another. The device id has 160 random bits: the hash cannot be reversed.
 */
export const deviceMark = (surveyId: number, deviceId: string) => createHash('sha256').update(`${surveyId}\u0000${deviceId}`).digest('hex');

/**
 * Lives outside lib/server (unlike DESIGN §4 says) because the client-side zod
 * schemas need it too, and Kit forbids client code to import lib/server.
 * Text lengths shared by migrations (column sizes) and zod schemas (field errors),
 * so over-long input is a clear message and never a 1406 from MariaDB.
 * Migrations copy the numbers they need (they are frozen in time); this file is
 * what the app validates against and must never exceed a column.
 */
export const limits = {
	email: 254,
	personName: 100,
	passwordMin: 10,
	passwordMax: 128,
	organisationName: 150,
	schoolName: 150,
	campusName: 150,
	street: 150,
	postalCode: 10,
	city: 100,
	phone: 30,
	instellingsnummer: 10,
	inviteCode: 12,
	campaignName: 100,
	editionName: 100,
	description: 2000,
	deviceLabel: 200,
	settingValue: 1000,
	// The city's identity (settings rows, each value at most settingValue).
	cityName: 100,
	cityShortName: 40,
	webAddress: 500,
	helpLinkLabel: 150,
	helpLinks: 6,
	remark: 500,
	kitItemName: 100,
	kitUnit: 40,
	kitReceivedBy: 100,
	slotRoom: 60,
	slotNote: 500,
	cancelReason: 200,
	hoursExceptionReason: 200,
	blockedDayLabel: 100,
	website: 300,
	// Campaign questions and a teacher's evaluation remark (issue 19).
	questionText: 300,
	evaluationRemark: 1000
} as const;

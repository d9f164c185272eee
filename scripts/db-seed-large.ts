import { LargeSeedAlreadyLoaded, largePassword, seedLarge } from '../db/seeds/large';
import { fail, openAndMigrate } from './cli';

// Loads the Flanders-wide scale data set (npm run db:seed:large) into DATABASE_URL,
// beside the demo if that is there. Refuses, and changes nothing, when already loaded.
const handle = await openAndMigrate();
const started = performance.now();
try {
	const result = await seedLarge(handle.db, { today: new Date(), log: (line) => console.log(`  ${line}…`) });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const c = result.counts;
	console.log(
		`Loaded "${result.editionName}" (edition ${result.editionId}) in ${seconds} s on ${handle.dialect}: ${c.schools} schools, ${c.campuses} campuses, ` +
			`${c.classes} classes (${c.enrolled} enrolled, ${c.waiting} waiting, ${c.withdrawn} withdrawn), ${c.teachers} teachers, ${c.trainers} trainers, ` +
			`${c.workshops.slots} workshop slots (${c.workshops.booked} with a trainer, ${c.workshops.given} given).`
	);
	console.log(`Every account of the data set (coordinator@schaal.example.org, leerkracht-0001@…, trainer-0001@…) has the password ${largePassword}.`);
} catch (err) {
	await handle.close();
	if (err instanceof LargeSeedAlreadyLoaded) fail(err.message);
	throw err;
}
await handle.close();

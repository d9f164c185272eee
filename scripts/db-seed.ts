import { isDatabaseEmpty, seedDemo } from '../db/seeds/demo';
import { openAndMigrate } from './cli';

// Loads the Kortrijk demo on any database, also MySQL/MariaDB (where start-up never does it by itself).
const handle = await openAndMigrate();
const wasEmpty = await isDatabaseEmpty(handle.db);
await seedDemo(handle.db, { today: new Date() });
console.log(wasEmpty ? 'Demo data loaded.' : 'Demo data checked: whatever was missing has been added.');
await handle.close();

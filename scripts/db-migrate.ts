import { openAndMigrate } from './cli';

const handle = await openAndMigrate();
console.log('Database is up to date.');
await handle.close();

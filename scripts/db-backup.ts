import fs from 'node:fs';
import path from 'node:path';
import { config } from '../src/lib/server/config';
import { dialectFromUrl } from '../src/lib/server/db/dialect';
import { backupFolderName, backupSqliteDataDir, copyUploads } from '../src/lib/server/backup/sqlite-backup';
import { dumpArgs, dumpMysql, dumpTool } from '../src/lib/server/backup/mysql-dump';

// `npm run db:backup [target-dir]` (default: backups/): a consistent copy of the
// database, taken while the app runs, plus the uploads of DATA_DIR, into a new
// timestamped folder. SQLite: VACUUM INTO. MySQL/MariaDB: mariadb-dump
// --single-transaction when it is installed, else the command to run is printed.
const arg = process.argv[2];
// An option is never a folder: `npm run db:backup -- --help` used to write a backup into "./--help".
if (arg?.startsWith('-')) {
	console.log('Usage: npm run db:backup [target-dir]   (default: backups/; a new backup-<UTC time>/ folder inside it)');
	process.exit(arg === '--help' || arg === '-h' ? 0 : 2);
}
const targetDir = arg ?? 'backups';
const url = config().DATABASE_URL;
const dataDir = config().DATA_DIR;
const now = new Date();

if (dialectFromUrl(url) === 'sqlite') {
	const databaseFile = url.slice('sqlite:'.length);
	const result = await backupSqliteDataDir({ databaseFile, dataDir, targetDir, now });
	console.log(
		`Backup written to ${result.folder}: database ${path.relative(result.folder, result.database!)}, ${result.files} upload file(s), ${result.bytes} bytes.`
	);
	console.log(`Restore: stop the app, copy the folder's contents into an empty DATA_DIR (cp -a ${result.folder}/. ${dataDir}/), start the app.`);
} else {
	const folder = path.resolve(targetDir, backupFolderName(now));
	fs.mkdirSync(folder, { recursive: true });
	const dumpFile = path.join(folder, 'database.sql');
	const tool = dumpTool();
	if (tool) await dumpMysql(tool, url, dumpFile);
	// After the dump, as on SQLite: every upload the dump names is on disk by then.
	const copied = copyUploads(dataDir, path.join(folder, 'uploads'), null, targetDir);
	const { database } = dumpArgs(url);
	console.log(`Uploads copied to ${path.join(folder, 'uploads')} (${copied.files} file(s), ${copied.bytes} bytes).`);
	if (tool) {
		console.log(`Database ${database} dumped with ${tool} --single-transaction to ${dumpFile}.`);
		console.log(
			`Restore: create an empty database, \`mariadb ${database} < ${dumpFile}\`, copy ${path.join(folder, 'uploads')}/. into an empty DATA_DIR, start the app.`
		);
	} else {
		console.error('Neither mariadb-dump nor mysqldump is installed, so the database was NOT copied. Dump it consistently with:');
		console.error(
			`  MYSQL_PWD=… mariadb-dump --single-transaction --routines --triggers --hex-blob --default-character-set=utf8mb4 -h HOST -u USER ${database} > ${dumpFile}`
		);
		process.exit(1);
	}
}

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { config } from '../config';
import type { Db } from '../db';
import { logger } from '../log';
import { reportFingerprint } from './report-fingerprint.repository';

/**
 * The council report of an ENDED edition, kept on disk (DATA_DIR/report-cache):
 * drawing a Flanders-size PDF takes seconds of CPU, reading a file milliseconds.
 *
 * Why it is safe: the file name carries a hash of everything the report is made
 * of, read from the database at every request (report-fingerprint.repository.ts:
 * classes, workshops and their late reports, trainers, campuses, schools,
 * organisations, downloads, kits, the editions, and the city settings with
 * the logo and colours), plus the file, the language and the build of the app
 * that drew it. Whatever changes an input (a late workshop report, a setting,
 * a renamed campus, in this process or another one), the next request asks for
 * another name and draws afresh; nothing has to remember to clear the cache.
 * Counts and highest ids catch inserts and deletes; updates are caught because
 * every write stamps updated_at from the app's clock (DESIGN §5.4), which only
 * moves forward (two writes in one millisecond on clocks that disagree between
 * processes are the one blind spot, and the next write clears it).
 * Certificates are not an input: the report counts workshops and classes, not
 * certificates. Files are written to a temporary name and renamed only once
 * complete, so a cancelled download never leaves half a report behind; older
 * versions of the same file are removed when a new one is in place. Only an ended
 * edition is cached: a running one changes by the minute. The cached PDF still
 * says the day it was drawn ("Gemaakt op …"), which remains true of its figures.
 */
let buildVersion = 'dev';
const root = () => path.join(config().DATA_DIR, 'report-cache');
const folder = () => path.join(root(), buildVersion.replace(/[^\w.-]/g, '_'));

/** Set once at start-up (hooks init): another build may draw the report differently. Removes other builds' files. */
export async function useReportCacheBuild(version: string): Promise<void> {
	buildVersion = version;
	const mine = path.basename(folder());
	const present = await readdir(root()).catch(() => [] as string[]);
	await Promise.all(present.filter((d) => d !== mine).map((d) => rm(path.join(root(), d), { recursive: true, force: true })));
}

export interface ReportCacheKey {
	editionId: number;
	/** "report-nl.pdf", "report.xlsx" … */
	file: string;
	locale: string;
}

export interface CachedReportFile {
	dir: string;
	/** Every version of this file and language starts with it. */
	prefix: string;
	path: string;
}

/** Where this version of the report lives: "edition-12/report.xlsx.nl.<hash>" (whether or not it is there yet). */
export async function cachedReportFile(db: Db, key: ReportCacheKey, campaignId: number, editionIds: number[]): Promise<CachedReportFile> {
	const parts = await reportFingerprint(db, campaignId, editionIds);
	const hash = createHash('sha256')
		.update(JSON.stringify([buildVersion, key, editionIds, parts]))
		.digest('hex')
		.slice(0, 32);
	const dir = path.join(folder(), `edition-${key.editionId}`);
	const prefix = `${key.file}.${key.locale}.`;
	return { dir, prefix, path: path.join(dir, `${prefix}${hash}`) };
}

/** The cached bytes as a download stream, or null when this version is not on disk. */
export async function openCachedReport(file: CachedReportFile): Promise<ReadableStream<Uint8Array> | null> {
	const found = await stat(file.path).catch(() => null);
	if (!found?.isFile()) return null;
	return Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>;
}

async function putInPlace(file: CachedReportFile, temp: string): Promise<void> {
	await rename(temp, file.path);
	const others = (await readdir(file.dir)).filter((n) => n.startsWith(file.prefix) && path.join(file.dir, n) !== file.path && !n.endsWith('.part'));
	await Promise.all(others.map((n) => rm(path.join(file.dir, n), { force: true })));
}

const tempOf = async (file: CachedReportFile) => {
	await mkdir(file.dir, { recursive: true });
	return `${file.path}.${randomBytes(6).toString('hex')}.part`;
};

/** Keeps a whole buffer (a workbook) as the cached version. A failure to cache never fails the download. */
export async function keepReportBuffer(file: CachedReportFile, bytes: Uint8Array): Promise<void> {
	try {
		const temp = await tempOf(file);
		await writeFile(temp, bytes);
		await putInPlace(file, temp);
	} catch (err) {
		logger.error('report cache write failed', { error: err instanceof Error ? err.message : String(err) });
	}
}

/**
 * Copies a document into the cache as it is streamed to the client; kept only when
 * it ended normally and was not cut short (`signal`: the download was cancelled,
 * and the renderer stopped drawing; or the client went away and the stream was
 * destroyed). Call before anything reads the document.
 */
export async function keepReportStream<T extends Readable>(file: CachedReportFile, doc: T, signal?: AbortSignal): Promise<T> {
	const temp = await tempOf(file).catch((err: Error) => {
		logger.error('report cache write failed', { error: err.message });
		return null;
	});
	if (!temp) return doc;
	const out = createWriteStream(temp);
	let ended = false;
	doc.on('end', () => {
		ended = true;
		// Cut short: the renderer stopped early and ended a partial document.
		if (signal?.aborted) out.destroy();
	});
	doc.on('close', () => {
		if (!ended) out.destroy();
	});
	// A cache that cannot be written costs a redraw next time, never this download.
	out.on('error', (err) => logger.error('report cache write failed', { error: err.message }));
	out.on('close', () => {
		const keep = ended && !signal?.aborted && out.writableFinished;
		(keep ? putInPlace(file, temp) : rm(temp, { force: true })).catch((err: Error) => logger.error('report cache write failed', { error: err.message }));
	});
	doc.pipe(out);
	return doc;
}

import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { ValidationError } from '../errors';
import { fileStore, uploadTempDir } from '../storage';

/** What a coordinator may upload; what is kept is scaled down to fit the header, mails and PDFs. */
export const maxCityLogoBytes = 2 * 1024 * 1024;
export const cityLogoMaxPixels = 512;
/** Decoding cost is in pixels, not bytes: a small PNG can unpack to gigabytes. */
const maxInputPixels = 40_000_000;

export type LogoType = 'image/png' | 'image/jpeg';

export interface PreparedLogo {
	bytes: Buffer;
	type: LogoType;
	width: number;
	height: number;
}

/**
 * Checks the logo by its bytes (never its name or the browser's word), then
 * re-encodes it in its own format, at most 512 px wide and high, turned upright
 * and without metadata. Throws a field error for anything else.
 */
export async function prepareCityLogo(bytes: Uint8Array): Promise<PreparedLogo> {
	if (bytes.byteLength > maxCityLogoBytes) throw new ValidationError('cs_v_logo_size', 'logo', { maxMb: maxCityLogoBytes / 1_048_576 });
	const kind = await fileTypeFromBuffer(bytes);
	if (!kind || (kind.mime !== 'image/png' && kind.mime !== 'image/jpeg')) throw new ValidationError('cs_v_logo_type', 'logo');
	const type: LogoType = kind.mime;
	try {
		const image = sharp(bytes, { limitInputPixels: maxInputPixels })
			.rotate()
			.resize({ width: cityLogoMaxPixels, height: cityLogoMaxPixels, fit: 'inside', withoutEnlargement: true });
		const encoded = type === 'image/png' ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: 88 });
		const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
		return { bytes: data, type, width: info.width, height: info.height };
	} catch {
		throw new ValidationError('cs_v_logo_unreadable', 'logo');
	}
}

/** Into the content-addressed store; storing the same bytes twice keeps one file. */
export async function storeCityLogo(logo: PreparedLogo): Promise<string> {
	await mkdir(uploadTempDir(), { recursive: true });
	const temp = path.join(uploadTempDir(), `city-logo-${randomUUID()}`);
	await writeFile(temp, logo.bytes);
	return (await fileStore().put(temp)).sha256;
}

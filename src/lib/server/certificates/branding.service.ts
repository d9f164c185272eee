import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { CertificateBrandingInput } from '../../schemas/certificate-branding';
import { requireCoordinator, type Actor } from '../auth/actor';
import { audit } from '../audit/audit';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { fileStore, uploadTempDir } from '../storage';
import { findEditionBranding, updateEditionBranding } from './branding.repository';

export const maxLogoBytes = 1024 * 1024;
const logoTypes = new Set(['image/png', 'image/jpeg']);

export interface EditionBranding {
	editionId: number;
	editionName: string;
	titleNl: string | null;
	titleEn: string | null;
	primaryColor: string | null;
	accentColor: string | null;
	logoSha256: string | null;
	logoType: string | null;
}

export async function editionBranding(db: Kysely<Database>, actor: Actor, editionId: number): Promise<EditionBranding> {
	requireCoordinator(actor);
	const e = await findEditionBranding(db, editionId);
	if (!e) throw new NotFoundError();
	return {
		editionId: e.id,
		editionName: e.name,
		titleNl: e.certificateTitleNl,
		titleEn: e.certificateTitleEn,
		primaryColor: e.certificatePrimaryColor,
		accentColor: e.certificateAccentColor,
		logoSha256: e.certificateLogoSha256,
		logoType: e.certificateLogoType
	};
}

/** The logo's type from its bytes (never the name or the browser's word): PNG or JPEG, at most 1 MB. */
async function checkLogo(bytes: Uint8Array): Promise<string> {
	if (bytes.byteLength > maxLogoBytes) throw new ValidationError('cpdf_branding_v_logo_size', 'logo');
	const type = await fileTypeFromBuffer(bytes);
	if (!type || !logoTypes.has(type.mime)) throw new ValidationError('cpdf_branding_v_logo_type', 'logo');
	return type.mime;
}

async function storeLogo(bytes: Uint8Array): Promise<string> {
	await mkdir(uploadTempDir(), { recursive: true });
	const temp = path.join(uploadTempDir(), `logo-${randomUUID()}`);
	await writeFile(temp, bytes);
	return (await fileStore().put(temp)).sha256;
}

/**
 * Saves the edition's certificate look. Certificates already issued show it too
 * (their facts are frozen, their look is the edition's). Bad input writes nothing.
 */
export async function updateBranding(
	db: Kysely<Database>,
	actor: Actor,
	editionId: number,
	input: CertificateBrandingInput,
	logo: Uint8Array | null
): Promise<void> {
	const before = await editionBranding(db, actor, editionId);
	const logoType = logo ? await checkLogo(logo) : null;
	const logoSha256 = logo ? await storeLogo(logo) : null;
	const next = {
		certificateTitleNl: input.titleNl || null,
		certificateTitleEn: input.titleEn || null,
		certificatePrimaryColor: input.primaryColor || null,
		certificateAccentColor: input.accentColor || null,
		certificateLogoSha256: logo ? logoSha256 : input.removeLogo ? null : before.logoSha256,
		certificateLogoType: logo ? logoType : input.removeLogo ? null : before.logoType
	};
	await withTransaction(db, async (trx) => {
		await updateEditionBranding(trx, editionId, next, nowDb());
		await audit(trx, { actorId: actor.id, action: 'edition.certificate_branding', entityType: 'edition', entityId: editionId, before, after: next });
	});
}

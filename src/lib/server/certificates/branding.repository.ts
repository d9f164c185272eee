import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { DbTime } from '../db/time';

/** The certificate look an edition sets, with the edition's name. */
export const findEditionBranding = (db: Db, editionId: number) =>
	db
		.selectFrom('editions')
		.select([
			'id',
			'name',
			'certificateTitleNl',
			'certificateTitleEn',
			'certificatePrimaryColor',
			'certificateAccentColor',
			'certificateLogoSha256',
			'certificateLogoType'
		])
		.where('id', '=', editionId)
		.executeTakeFirst();

export const updateEditionBranding = (
	db: Db,
	editionId: number,
	values: Pick<
		Row<'editions'>,
		'certificateTitleNl' | 'certificateTitleEn' | 'certificatePrimaryColor' | 'certificateAccentColor' | 'certificateLogoSha256' | 'certificateLogoType'
	>,
	now: DbTime
) =>
	db
		.updateTable('editions')
		.set({ ...values, updatedAt: now })
		.where('id', '=', editionId)
		.execute();

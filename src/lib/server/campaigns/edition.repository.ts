import type { Db } from '../db';

export const listEditionsWithCampaign = (db: Db, statuses: ('draft' | 'published' | 'archived')[]) =>
	db
		.selectFrom('editions')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select([
			'editions.id',
			'editions.name',
			'editions.year',
			'editions.status',
			'editions.enrolmentOpensAt',
			'editions.enrolmentClosesAt',
			'editions.workshopStartsOn',
			'editions.workshopEndsOn',
			'campaigns.name as campaignName',
			'campaigns.descriptionNl',
			'campaigns.descriptionEn'
		])
		.where('editions.status', 'in', statuses)
		.orderBy('editions.year', 'desc')
		.execute();

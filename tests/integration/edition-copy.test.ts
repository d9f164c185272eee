import { expect, it } from 'vitest';
import { copyEdition } from '../../src/lib/server/campaigns/edition-admin.service';
import { catalogue } from '../../src/lib/server/kits/catalogue.service';
import { addLinkMaterial } from '../../src/lib/server/materials/material.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { itemWithStock, wristbands } from './support/kit-fixtures';

describeEachDatabase('new edition from the previous one', (dialect) => {
	const ctx = useDatabase(dialect);

	it('brings the teaching materials and the kit catalogue (without stock) along, never the classes', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const source = await createEdition(ctx.db, { year: 2027 });
		const teacher = await teacherAt(ctx.db, 'lies@school.be');
		await enrolClass(ctx.db, teacher.actor, aClass(source, teacher.campusId));
		await addLinkMaterial(ctx.db, coordinator, source, {
			titleNl: 'Video: Sam en Lily',
			titleEn: 'Video: Sam and Lily',
			descriptionNl: null,
			descriptionEn: null,
			language: 'nl',
			levels: ['lager'],
			sortOrder: 1,
			url: 'https://video.example.org/sam'
		});
		await itemWithStock(ctx.db, coordinator, source, wristbands, 500);
		const copy = await copyEdition(ctx.db, coordinator, source);
		const materials = await ctx.db.selectFrom('materials').select(['titleNl', 'url']).where('editionId', '=', copy.id).execute();
		expect(materials).toEqual([{ titleNl: 'Video: Sam en Lily', url: 'https://video.example.org/sam' }]);
		const items = await catalogue(ctx.db, copy.id);
		expect(items.map((i) => [i.nameNl, i.onHand])).toEqual([['Paarse polsbandjes', 0]]);
		const classes = await ctx.db.selectFrom('classes').select('id').where('editionId', '=', copy.id).execute();
		expect(classes).toEqual([]);
	});
});

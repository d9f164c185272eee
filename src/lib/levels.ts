import * as m from './paraglide/messages';
import type { Level } from './domain';

const labels: Record<Level, () => string> = {
	kleuter: m.level_kleuter,
	lager: m.level_lager,
	secundair: m.level_secundair,
	buitengewoon_basis: m.level_buitengewoon_basis,
	buitengewoon_secundair: m.level_buitengewoon_secundair,
	hoger: m.level_hoger
};

export const levelLabel = (level: Level): string => labels[level]();

import { expect, it } from 'vitest';
import { defaultPupilData, pupilDataBounds } from '../../src/lib/pupil-data-settings';
import { minGroupBounds } from '../../src/lib/server/pupil-survey/group-size';

// The settings form (client-safe bounds) and the figures (group-size.ts) must agree on the smallest group.
it('the settings form offers the same minimum group bounds and default as the figures use', () => {
	expect(pupilDataBounds.minGroup).toEqual({ min: minGroupBounds.min, max: minGroupBounds.max });
	expect(defaultPupilData.minGroup).toBe(minGroupBounds.fallback);
});

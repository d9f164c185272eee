import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { editionBranding, updateBranding } from '../../src/lib/server/certificates/branding.service';
import { brandingPreviewDownload, classCertificateDownload } from '../../src/lib/server/certificates/certificate-download';
import { resetConfigForTests } from '../../src/lib/server/config';
import { useFileStore } from '../../src/lib/server/storage';
import { certificateBrandingSchema } from '../../src/lib/schemas/certificate-branding';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { downloadBytes } from './support/download-bytes';
import { pdfText } from './support/pdf-text';
import { workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/** A real PNG of w×h purple pixels. */
function png(w: number, h: number): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b: Buffer) => (b.reduce((c, x) => crcTable[(c ^ x) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
	const chunk = (type: string, data: Buffer) => {
		const t = Buffer.concat([Buffer.from(type), data]);
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const c = Buffer.alloc(4);
		c.writeUInt32BE(crc(t));
		return Buffer.concat([len, t, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([0x6b, 0x2d, 0x8f]))]);
	const raw = Buffer.concat(Array.from({ length: h }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const input = (fields: Record<string, string>) => {
	const r = certificateBrandingSchema.safeParse(fields);
	if (!r.success) throw new Error(JSON.stringify(r.error.issues));
	return r.data;
};

describeEachDatabase('certificate branding', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	let dataDir: string;

	beforeEach(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpdf-brand-'));
		vi.stubEnv('DATA_DIR', dataDir);
		resetConfigForTests();
		useFileStore();
		freezeClock('2027-05-20T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	afterEach(() => {
		vi.unstubAllEnvs();
		resetConfigForTests();
		useFileStore();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('saves title, colours and a PNG logo, and the preview and issued certificates show them', async () => {
		await updateBranding(
			ctx.db,
			w.coordinator,
			w.editionId,
			input({ titleNl: 'Regenboogattest', titleEn: 'Rainbow certificate', primaryColor: '#004488', accentColor: '#FF8800' }),
			png(40, 20)
		);
		const b = await editionBranding(ctx.db, w.coordinator, w.editionId);
		expect(b).toMatchObject({
			titleNl: 'Regenboogattest',
			titleEn: 'Rainbow certificate',
			primaryColor: '#004488',
			accentColor: '#ff8800',
			logoType: 'image/png'
		});
		expect(b.logoSha256).toMatch(/^[0-9a-f]{64}$/);

		const preview = await downloadBytes(await brandingPreviewDownload(ctx.db, w.coordinator, w.editionId, 'en'));
		expect(await pdfText(preview)).toContain('RAINBOW CERTIFICATE');
		expect(preview.toString('latin1')).toContain('/Subtype /Image');
		const cls = await downloadBytes(await classCertificateDownload(ctx.db, w.coordinator, w.centrum.classIds[0], 'nl'));
		expect(await pdfText(cls)).toContain('REGENBOOGATTEST');
		expect(await ctx.db.selectFrom('auditLog').select('action').where('action', '=', 'edition.certificate_branding').execute()).toHaveLength(1);

		await updateBranding(ctx.db, w.coordinator, w.editionId, input({ removeLogo: 'on' }), null);
		expect(await editionBranding(ctx.db, w.coordinator, w.editionId)).toMatchObject({ titleNl: null, primaryColor: null, logoSha256: null, logoType: null });
	});

	it('refuses a logo that is not PNG or JPEG or over 1 MB, a bad colour, and a teacher; nothing is written', async () => {
		const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
		await expect(updateBranding(ctx.db, w.coordinator, w.editionId, input({ titleNl: 'X' }), gif)).rejects.toMatchObject({
			messageKey: 'cpdf_branding_v_logo_type',
			field: 'logo'
		});
		const big = Buffer.concat([png(1, 1), Buffer.alloc(1024 * 1024)]);
		await expect(updateBranding(ctx.db, w.coordinator, w.editionId, input({ titleNl: 'X' }), big)).rejects.toMatchObject({
			messageKey: 'cpdf_branding_v_logo_size'
		});
		await expect(updateBranding(ctx.db, w.centrum.teacher, w.editionId, input({ titleNl: 'X' }), null)).rejects.toMatchObject({ status: 403 });
		expect(certificateBrandingSchema.safeParse({ primaryColor: 'purple' }).success).toBe(false);
		expect(await editionBranding(ctx.db, w.coordinator, w.editionId)).toMatchObject({ titleNl: null, logoSha256: null });
	});
});

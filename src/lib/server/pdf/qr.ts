import QRCode from 'qrcode';

/** The QR code as vector squares: sharp at any print size, and no PNG to encode. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const quiet = 2;
	const cell = size / (n + 2 * quiet);
	doc.save().rect(x, y, size, size).fill('#ffffff');
	for (let r = 0; r < n; r++)
		for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
	doc.fill('#000000').restore();
}

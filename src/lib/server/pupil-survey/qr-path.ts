import QRCode from 'qrcode';

/**
 * A QR code as one SVG path of unit squares, and its size in modules: the page
 * draws it with <svg viewBox> at any size, crisp on a projector, without HTML
 * from a library put into the page.
 */
export function qrPath(text: string): { size: number; path: string } {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	let path = '';
	for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) path += `M${c} ${r}h1v1h-1z`;
	return { size: n, path };
}

import type { InstructionLanguage } from './domain';
import * as m from './paraglide/messages';

const languages: Record<InstructionLanguage, () => string> = {
	nl: m.matui_lang_nl,
	fr: m.matui_lang_fr,
	en: m.matui_lang_en,
	de: m.matui_lang_de
};

export const materialLanguageLabel = (language: string): string => languages[language as InstructionLanguage]?.() ?? language;

/** "1.2 MB", "850 kB", "312 B": decimal units as file managers show them. */
export function formatSize(bytes: number): string {
	if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
	if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
	return `${bytes} B`;
}

/** "PDF", "MP4": the type a teacher recognises, from the stored file name. */
export const fileTypeLabel = (fileName: string): string => (fileName.split('.').pop() ?? '').toUpperCase();

import * as m from '$lib/paraglide/messages';
import type { AuditKind } from '$lib/schemas/audit-filter';

const labels: Record<AuditKind, () => string> = {
	user: m.md_kind_user,
	teacher: m.md_kind_teacher,
	class: m.md_kind_class,
	workshop: m.md_kind_workshop,
	edition: m.md_kind_edition,
	campaign: m.md_kind_campaign,
	campus: m.md_kind_campus,
	school: m.md_kind_school,
	organisation: m.md_kind_organisation,
	material: m.md_kind_material,
	kit_item: m.md_kind_kit_item,
	kit_order: m.md_kind_kit_order,
	kit_stock: m.md_kind_kit_stock,
	certificate: m.md_kind_certificate,
	calendar_feed: m.md_kind_calendar_feed,
	mail: m.md_kind_mail,
	settings: m.md_kind_settings
};

export const kindLabel = (kind: AuditKind): string => labels[kind]();

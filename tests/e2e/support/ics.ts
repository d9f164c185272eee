/** The events of an iCalendar text by UID, each property's first value (lines unfolded, text unescaped). */
export function eventsOf(ics: string): Map<string, Record<string, string>> {
	const events = new Map<string, Record<string, string>>();
	for (const block of ics
		.replace(/\r\n[ \t]/g, '')
		.split('BEGIN:VEVENT\r\n')
		.slice(1)) {
		const props: Record<string, string> = {};
		for (const line of block.split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				props[line.slice(0, colon).split(';')[0]] ??= line
					.slice(colon + 1)
					.replace(/\\n/g, '\n')
					.replace(/\\([,;\\])/g, '$1');
		}
		events.set(props.UID, props);
	}
	return events;
}

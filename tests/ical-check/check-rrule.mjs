// Second, strict check of an iCalendar file's recurrences with rrule-temporal (RFC 5545 on the Temporal API),
// independent of ical.js: where ical.js moves a time the clocks skip forward, rrule-temporal drops it, so a file
// whose dose times mean the same in both never leaves such a time inside a series. Lines are unfolded here
// (RFC 5545 §3.1); each VEVENT's DTSTART and RRULE go to rrule-temporal as written; a single event's local time
// must exist in its zone (Temporal's 'reject'). Prints {problems, events: [{uid, occurrences}]} as UTC instants.
// Usage: node check-rrule.mjs FILE [MAX_OCCURRENCES]
import 'temporal-polyfill/global';
import { readFileSync } from 'node:fs';
import { RRuleTemporal } from 'rrule-temporal';

const [file, maxText] = process.argv.slice(2);
const max = Number(maxText ?? 400);
const lines = readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '').split(/\r\n/);
const problems = [];
const events = [];
let current = null;
for (const line of lines) {
  if (line === 'BEGIN:VEVENT') current = {};
  else if (line === 'END:VEVENT') { events.push(current); current = null; }
  else if (current && !current.inAlarm && line.startsWith('UID:')) current.uid = line.slice(4);
  else if (current && line.startsWith('DTSTART')) current.dtstart = line;
  else if (current && line.startsWith('RRULE:')) current.rrule = line.slice(6);
  else if (current && line.startsWith('EXDATE')) problems.push(`${current.uid ?? '?'} uses EXDATE, which this check does not read`);
}

const toUtc = (zoned) => new Date(zoned.epochMilliseconds).toISOString();
const out = events.map((event) => {
  const occurrences = [];
  try {
    if (event.rrule) {
      const rule = new RRuleTemporal({ rruleString: `${event.dtstart}\nRRULE:${event.rrule}` });
      for (const zoned of rule.all((_, i) => i < max)) occurrences.push(toUtc(zoned));
    } else {
      const match = /^DTSTART;TZID=([^:]+):(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(event.dtstart);
      if (!match) throw new Error(`unreadable ${event.dtstart}`);
      const [, zone, y, mo, d, h, mi, s] = match;
      const local = Temporal.PlainDateTime.from({ year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s });
      occurrences.push(toUtc(local.toZonedDateTime(zone, { disambiguation: 'reject' })));
    }
  } catch (error) {
    problems.push(`${event.uid}: ${error.message}`);
  }
  return { uid: event.uid, occurrences };
});
console.log(JSON.stringify({ problems, events: out }));

// Independent check of an iCalendar file with Mozilla's ical.js: parse it (throws on malformed input),
// register its time zones, expand every event's recurrence and print the occurrences as UTC instants.
// Usage: node check.mjs FILE [MAX_OCCURRENCES]
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [file, maxText] = process.argv.slice(2);
const max = Number(maxText ?? 400);
const text = readFileSync(file, 'utf8');
const problems = [];
// ical.js resolves a TZID when it parses a time, so the file's own zones are registered first and the
// file is parsed again; a TZID without its VTIMEZONE is reported below rather than read as UTC.
for (const zone of new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}
const root = new ICAL.Component(ICAL.parse(text));
if (root.name !== 'vcalendar') problems.push(`root is ${root.name}`);
for (const required of ['version', 'prodid']) {
  if (!root.hasProperty(required)) problems.push(`VCALENDAR lacks ${required.toUpperCase()}`);
}
if (root.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION is not 2.0');

const zones = root.getAllSubcomponents('vtimezone');

const events = root.getAllSubcomponents('vevent').map((component) => {
  for (const required of ['uid', 'dtstamp', 'dtstart']) {
    if (!component.hasProperty(required)) problems.push(`VEVENT lacks ${required.toUpperCase()}`);
  }
  const alarms = component.getAllSubcomponents('valarm');
  for (const alarm of alarms) {
    for (const required of ['action', 'trigger', 'description']) {
      if (!alarm.hasProperty(required)) problems.push(`VALARM lacks ${required.toUpperCase()}`);
    }
  }
  const event = new ICAL.Event(component);
  const tzid = component.getFirstProperty('dtstart').getParameter('tzid') ?? null;
  if (tzid && !zones.some((z) => z.getFirstPropertyValue('tzid') === tzid)) problems.push(`TZID ${tzid} has no VTIMEZONE`);
  const iterator = event.iterator();
  const occurrences = [];
  for (let next = iterator.next(); next && occurrences.length < max; next = iterator.next()) {
    occurrences.push(next.toJSDate().toISOString());
  }
  const rrule = component.getFirstPropertyValue('rrule');
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    tzid,
    rrule: rrule ? rrule.toString() : null,
    alarms: alarms.length,
    trigger: alarms.length ? alarms[0].getFirstPropertyValue('trigger').toString() : null,
    occurrences,
  };
});
console.log(JSON.stringify({ problems, events }));

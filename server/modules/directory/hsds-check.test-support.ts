// A small JSON Schema checker for the HSDS 3.0 schemas, which use only `type`, `format`, `enum`, `required`,
// `properties` and `items` for validation (plus annotations). Any other keyword makes it throw, so it can never
// pass a document by ignoring a rule it does not know.

type Schema = Record<string, unknown>;

const annotations = new Set([
  '$comment',
  'name',
  'title',
  'description',
  'example',
  'constraints',
  'core',
  'path',
  'datapackage_metadata',
  'datapackage_type',
  'tabular_required',
]);
const checked = new Set(['type', 'format', 'enum', 'required', 'properties', 'items']);

const formats: Record<string, (value: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+$/.test(v),
  uri: (v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v),
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v),
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** The places where `value` breaks `schema`, as `path: rule` lines (none when it is valid). */
export function schemaErrors(schema: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema))
    if (!annotations.has(keyword) && !checked.has(keyword))
      throw new Error(`Unsupported JSON Schema keyword ${keyword} at ${path}`);
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  if (types.length > 0 && !types.some((type) => hasType(value, type)))
    return [`${path}: is ${typeOf(value)}, not ${types.join('|')}`];
  const errors: string[] = [];
  const format = schema.format as string | undefined;
  if (format !== undefined && typeof value === 'string') {
    const test = formats[format];
    if (!test) throw new Error(`Unsupported format ${format} at ${path}`);
    if (!test(value)) errors.push(`${path}: is not a ${format}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: is not one of the enum`);
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in object)) errors.push(`${path}: lacks required ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, child] of Object.entries(properties))
      if (key in object) errors.push(...schemaErrors(child, object[key], `${path}.${key}`));
  }
  if (Array.isArray(value) && schema.items !== undefined)
    value.forEach((item, i) => errors.push(...schemaErrors(schema.items as Schema, item, `${path}[${i}]`)));
  return errors;
}

/** The nested objects Passage's HSDS organisation view emits: the extract keeps their properties in full. */
export const emittedTree: Record<string, object> = {
  phones: {},
  services: { phones: {}, languages: {}, attributes: { taxonomy_term: { taxonomy_detail: {} } } },
};

/**
 * Extracts from the compiled HSDS `organization` schema the validation keywords of every property, descending into
 * nested objects only where Passage emits them (the full compiled schema is 3.4 MB of repeated nesting).
 */
export function extractSchema(schema: Schema, tree: Record<string, object> = emittedTree): Schema {
  const out: Schema = {};
  for (const keyword of ['type', 'format', 'enum', 'required'])
    if (schema[keyword] !== undefined) out[keyword] = schema[keyword];
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties)
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([key, child]) => {
        const subtree = tree[key] as Record<string, object> | undefined;
        const items = child.items as Schema | undefined;
        const extracted = extractSchema(child, {});
        if (subtree === undefined) {
          delete extracted.properties;
          return [key, extracted];
        }
        if (items) return [key, { ...extracted, items: extractSchema(items, subtree) }];
        return [key, extractSchema(child, subtree)];
      }),
    );
  return out;
}

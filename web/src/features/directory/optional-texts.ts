/**
 * The optional text fields of a directory form as a request sends them: trimmed; an empty one left out of a new
 * entry, and sent as null in a change (so clearing a field clears it on the server).
 */
export function optionalTexts<Field extends string>(
  draft: Readonly<Record<Field, string>>,
  fields: readonly Field[],
  editing: boolean,
): Partial<Record<Field, string | null>> {
  return Object.fromEntries(
    fields.flatMap((field): [Field, string | null][] => {
      const value = draft[field].trim();
      return value ? [[field, value]] : editing ? [[field, null]] : [];
    }),
  ) as Partial<Record<Field, string | null>>;
}

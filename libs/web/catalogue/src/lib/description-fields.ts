/** The texts of a service description, in the order a reader meets them. */
export const DESCRIPTION_TEXT_FIELDS = ['name', 'description', 'inclusions', 'targetGroup'] as const;
export type DescriptionTextField = (typeof DESCRIPTION_TEXT_FIELDS)[number];

/** Each text with its label; only the name is a single line. */
export const DESCRIPTION_TEXTS = DESCRIPTION_TEXT_FIELDS.map((field) => ({
  field,
  key: `descriptions.field.${field}` as const,
  multiline: field !== 'name',
}));

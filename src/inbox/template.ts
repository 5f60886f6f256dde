/**
 * Saved replies and auto-replies with variables: `{{author.name}}`, `{{author.handle}}`,
 * `{{channel.name}}`. Pure. An unknown variable is an error that names the known ones (a typo must
 * not reach the audience as "{{autor.name}}").
 */
export const TEMPLATE_VARIABLES = ['author.name', 'author.handle', 'channel.name'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

export class TemplateError extends Error {}

/** The unknown variables in a text (empty when it renders). */
export function unknownVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(VARIABLE)) if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) unknown.add(name);
  return [...unknown];
}

export interface TemplateValues {
  author: { name?: string | null; handle?: string | null; id: string };
  channel: { name: string };
}

/** The text with each variable filled in; an author without a name is called by their handle. */
export function renderTemplate(text: string, v: TemplateValues): string {
  const unknown = unknownVariables(text);
  if (unknown.length) throw new TemplateError(`Unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${TEMPLATE_VARIABLES.map((n) => `{{${n}}}`).join(', ')}`);
  const handle = v.author.handle ? `@${v.author.handle.replace(/^@/, '')}` : '';
  const values: Record<TemplateVariable, string> = {
    'author.name': v.author.name?.trim() || handle || 'there',
    'author.handle': handle || v.author.name?.trim() || '',
    'channel.name': v.channel.name,
  };
  return text.replace(VARIABLE, (_m, name: TemplateVariable) => values[name]);
}

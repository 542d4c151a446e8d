/** Fills `{name}` slots of a message template (rule messages and UI strings alike). No imports: the content script uses it without the engine. */
export function fill(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

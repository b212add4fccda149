/** A piece of a template: literal text or a `{{ expression }}` placeholder. */
export type TemplateSegment =
  | { kind: "text"; text: string }
  | { kind: "expression"; source: string; /** Offset of the expression inside the template. */ offset: number };

/**
 * Splits a template into text and `{{ expression }}` segments.
 *
 * @remarks An unclosed `{{` is returned as an expression segment running to the end, so the
 * expression parser reports it with a position.
 * @example parseTemplate("Hi {{ input.name }}") // [{ kind: "text", text: "Hi " }, { kind: "expression", source: " input.name ", offset: 5 }]
 */
export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let cursor = 0;
  while (cursor < template.length) {
    const open = template.indexOf("{{", cursor);
    if (open === -1) break;
    if (open > cursor) segments.push({ kind: "text", text: template.slice(cursor, open) });
    const close = template.indexOf("}}", open + 2);
    const end = close === -1 ? template.length : close;
    segments.push({ kind: "expression", source: template.slice(open + 2, end), offset: open + 2 });
    cursor = close === -1 ? template.length : close + 2;
  }
  if (cursor < template.length) segments.push({ kind: "text", text: template.slice(cursor) });
  return segments;
}

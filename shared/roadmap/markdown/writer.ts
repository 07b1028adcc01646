/** The export's lines as the sections write them: headings, paragraphs, lists and blocks, each followed by a blank line. */
export class MarkdownWriter {
  private readonly lines: string[] = [];
  private readonly usedHeadings = new Set<string>();

  /** markdownlint (MD024) wants unique headings; typed names can collide, so a repeat gets a number. */
  heading(level: number, text: string): void {
    let unique = text;
    for (let n = 2; this.usedHeadings.has(unique); n++) unique = `${text} (${n})`;
    this.usedHeadings.add(unique);
    this.lines.push(`${'#'.repeat(level)} ${unique}`, '');
  }

  para(text: string): void {
    this.lines.push(text, '');
  }

  /** A bullet list; nothing at all when there are no items. */
  list(items: readonly string[]): void {
    if (items.length > 0) this.lines.push(...items.map((t) => `- ${t}`), '');
  }

  /** Lines written as they are (a table, a chart). */
  block(lines: readonly string[]): void {
    this.lines.push(...lines, '');
  }

  /** The document: one newline at the end, no blank line before it. */
  toString(): string {
    const lines = [...this.lines];
    while (lines[lines.length - 1] === '') lines.pop();
    return `${lines.join('\n')}\n`;
  }
}

/**
 * The report's one escape (shared/roadmap/report/escape-html.ts), attacked:
 * whatever people type, the report shows it as text and it opens no markup,
 * no attribute, no entity and no link, and cannot reorder the line around it.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, typed } from '../../shared/roadmap/report/escape-html.ts';

describe('escapeHtml', () => {
  it('turns tags into text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml('</title><style>*{display:none}</style>')).not.toMatch(/[<>]/);
  });

  it('cannot close a quoted attribute, in either quote', () => {
    expect(escapeHtml('" onmouseover="alert(1)')).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeHtml("' autofocus onfocus='x")).toBe('&#39; autofocus onfocus=&#39;x');
  });

  it('shows an entity as typed rather than decoding it', () => {
    expect(escapeHtml('&lt;b&gt; &amp; &#60;')).toBe('&amp;lt;b&amp;gt; &amp;amp; &amp;#60;');
    expect(escapeHtml('R&D')).toBe('R&amp;D');
  });

  it('keeps a javascript: URL as words: nothing in it can become markup', () => {
    const out = escapeHtml('<a href="javascript:alert(1)">click</a>');
    expect(out).toBe('&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;');
    expect(out).not.toMatch(/[<>"']/);
  });

  it('removes bidi controls and other invisible characters that could reorder a line unseen', () => {
    expect(escapeHtml('abc\u202Edcba\u202C')).toBe('abcdcba');
    expect(escapeHtml('x\u2066y\u2069\u200Bz\u200E')).toBe('xyz');
    // Right-to-left text itself stays, as typed.
    expect(escapeHtml('שלום עולם')).toBe('שלום עולם');
  });

  it('makes one line of what was typed, and nothing of blanks', () => {
    expect(escapeHtml('first\r\nsecond\u2028third')).toBe('first second third');
    expect(escapeHtml('  \u200B \n ')).toBe('');
  });

  it('isolates typed text inside a sentence', () => {
    expect(typed('<b>Ada</b>')).toBe('<bdi>&lt;b&gt;Ada&lt;/b&gt;</bdi>');
  });
});

import { describe, expect, it } from 'vitest';
import { htmlToText, markdownToText, plainText, sourceText, sourceTextKind } from '../../../src/lib/core/source-text';

describe('plain text', () => {
  it('keeps paragraphs, joins hard-wrapped lines and normalises line ends', () => {
    expect(plainText('\uFEFFFirst line\r\nwraps here.\r\n\r\n\r\n  Second   paragraph. \n')).toBe('First line wraps here.\n\nSecond paragraph.');
  });
});

describe('markdown', () => {
  it('drops marks, keeps link text, makes headings and list items paragraphs', () => {
    const md = [
      '---', 'title: x', '---', '# Armenia asks the CSTO for help', '',
      'Prime Minister **Nikol Pashinyan** said on [Wednesday](https://example.org/a) that', 'Yerevan had _officially_ asked.',
      '', '- Russia', '- Kazakhstan', '', '> A quoted line', '', '<!-- an editor note -->', '![photo](x.png)', '', '---', '[ref]: https://example.org',
    ].join('\n');
    expect(markdownToText(md).split('\n\n')).toEqual([
      'Armenia asks the CSTO for help',
      'Prime Minister Nikol Pashinyan said on Wednesday that Yerevan had officially asked.',
      'Russia',
      'Kazakhstan',
      'A quoted line',
    ]);
  });
  it('leaves snake_case words and lone asterisks alone', () => {
    expect(markdownToText('the request_aid type, 5 * 3')).toBe('the request_aid type, 5 * 3');
  });
});

describe('HTML', () => {
  const page = `<!doctype html><html><head><title>T</title><style>p{}</style><script>var nav = "<p>no</p>";</script></head>
    <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <main><article><header><h1>Armenia&rsquo;s request</h1><p class="byline">By A. Writer</p></header>
    <p>Armenia asked the <b>Collective Security Treaty Organization</b> (CSTO)
       on Thursday to take action.</p><!-- <p>hidden comment</p> -->
    <aside>Read more: unrelated</aside><script>track()</script>
    <p>Prime&nbsp;Minister Nikol Pashinyan said&#8230; &amp; more &#x2014; &lt;b&gt;</p>
    <figure><img src="x.jpg"><figcaption>Pashinyan visits army positions</figcaption></figure>
    <form><button>Subscribe</button></form></article></main>
    <footer>© Outlet</footer></body></html>`;
  it('keeps the article only: no navigation, scripts, styles, asides, forms or comments', () => {
    expect(htmlToText(page).split('\n\n')).toEqual([
      'Armenia\u2019s request',
      'By A. Writer',
      'Armenia asked the Collective Security Treaty Organization (CSTO) on Thursday to take action.',
      'Prime Minister Nikol Pashinyan said\u2026 & more \u2014 <b>',
      'Pashinyan visits army positions',
    ]);
  });
  it('without an <article>, drops the page header and footer too', () => {
    expect(htmlToText('<body><header>Site</header><div>One</div><div>Two<br>Three</div><footer>Foot</footer></body>')).toBe('One\n\nTwo\n\nThree');
  });
  it('an unclosed script drops everything after it, rather than showing code as text', () => {
    expect(htmlToText('<p>Kept</p><script>var a = 1;')).toBe('Kept');
  });
});

describe('kind', () => {
  it('follows the file name, and recognises pasted HTML', () => {
    expect(sourceTextKind('a.HTML', '')).toBe('html');
    expect(sourceTextKind('a.md', '')).toBe('markdown');
    expect(sourceTextKind('a.txt', '<html>')).toBe('text');
    expect(sourceTextKind('', '<!DOCTYPE html><p>x')).toBe('html');
    expect(sourceText('<!DOCTYPE html><p>x</p>', sourceTextKind('', '<!DOCTYPE html><p>x</p>'))).toBe('x');
  });
});

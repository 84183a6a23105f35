import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { parseRichText, type RichToken } from './richText';

export interface RichTextProps {
  /** Markdown-lite source: `code`, **bold**, [links](https://…), fenced code and `<br />`. */
  readonly source: string;
}

function render(tokens: readonly RichToken[]): ReactNode[] {
  return tokens.map((token, i) => {
    switch (token.kind) {
      case 'text':
        return token.text;
      case 'code':
        return <code key={i}>{token.text}</code>;
      case 'pre':
        return (
          <pre key={i}>
            <code>{token.text}</code>
          </pre>
        );
      case 'strong':
        return <strong key={i}>{render(token.children)}</strong>;
      case 'link':
        return (
          <Link key={i} href={token.href}>
            {render(token.children)}
          </Link>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

/** Renders a description from the provider's pages; tokens become elements, never raw HTML. */
export function RichText({ source }: RichTextProps): ReactNode {
  return render(parseRichText(source));
}

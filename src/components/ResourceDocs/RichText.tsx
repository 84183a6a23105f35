import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { parseRichText } from './richText';

export interface RichTextProps {
  /** Markdown-lite source: `code`, [links](https://…) and `<br />`. */
  readonly source: string;
}

/** Renders a method or param description; tokens become elements, never raw HTML. */
export function RichText({ source }: RichTextProps): ReactNode {
  return parseRichText(source).map((token, i) => {
    switch (token.kind) {
      case 'text':
        return token.text;
      case 'code':
        return <code key={i}>{token.text}</code>;
      case 'link':
        return (
          <Link key={i} href={token.href}>
            {token.text}
          </Link>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

/**
 * A message's text as React text nodes, with its http(s) addresses as links (linkify.ts). Never
 * HTML: whatever a member typed, tags included, is shown as the characters they typed.
 */
import { linkify } from './linkify'

/** Links a member posted: not endorsed by us (nofollow, ugc), and the other site learns nothing of this page. */
const LINK_REL = 'nofollow noopener noreferrer ugc'

export const MessageBody = ({ body }: { body: string }) => (
  <div className="message-body">
    {linkify(body).map((part, i) =>
      part.href ? (
        <a key={i} href={part.href} rel={LINK_REL}>
          {part.text}
        </a>
      ) : (
        <span key={i}>{part.text}</span>
      ),
    )}
  </div>
)

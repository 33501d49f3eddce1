/**
 * The community guidelines every member agrees to before a first post, in plain words (a reading
 * age of about 9), then the network's own rules as its organisers wrote them (plain text).
 */
import { retentionWords } from './talkState'

/** Our guidelines, one short rule each. */
export const COMMUNITY_GUIDELINES = [
  'Be kind. Everyone here is a worker like you, and some are having a hard time.',
  'Do not name managers or co-workers who are not here. Say “my manager” or “a team leader” instead.',
  'Do not share anyone’s personal details, like a phone number, an address or an email. That includes your own.',
  'Think before you post a screenshot. It can show names, dates or who took it.',
  'If a message worries you, report it. Reports go to this network’s organisers, not to the person who wrote it.',
] as const

export const Guidelines = ({
  networkName,
  own,
  retention,
}: {
  networkName: string
  own: string | null
  retention: string
}) => (
  <section aria-labelledby="guidelines-heading" className="talk-guidelines">
    <h3 id="guidelines-heading">Our community guidelines</h3>
    <ul>
      {COMMUNITY_GUIDELINES.map((rule) => (
        <li key={rule}>{rule}</li>
      ))}
      <li>{retentionWords(retention)} You can delete your own messages at any time.</li>
    </ul>
    {own && own.trim() && (
      <>
        <h4>The rules of {networkName}</h4>
        <p className="talk-own-rules">{own}</p>
      </>
    )}
  </section>
)

/** My account's questions to advisers: each conversation, with the notice and a follow-up form. */
import { useEffect, useState } from 'react'
import { Section } from '../account/parts'
import { callCms, type ConversationView } from './askApi'
import { Conversation } from './Conversation'

export function QuestionsSection({ api }: { api: string }) {
  const [questions, setQuestions] = useState<ConversationView[] | null>(null)
  useEffect(() => {
    void callCms(`${api}/account/questions`, undefined, 'include').then((a) =>
      setQuestions(a.body.questions ?? []),
    )
  }, [api])
  return (
    <Section id="questions" title="Your questions to advisers">
      {questions === null ? (
        <p role="status">Loading your questions…</p>
      ) : questions.length === 0 ? (
        <p>
          You have not asked an adviser anything. <a href="/ask/">Ask an adviser</a>.
        </p>
      ) : (
        <ul className="account-list">
          {questions.map((q) => (
            <li key={q.id}>
              <details>
                <summary>
                  {q.summary} (
                  {q.state === 'answered' ? 'replied' : q.state === 'closed' ? 'closed' : 'waiting'})
                </summary>
                <Conversation
                  question={q}
                  level="h3"
                  idPrefix={`q${q.id}-`}
                  onFollowUp={(body) =>
                    callCms(`${api}/account/questions/${q.id}/follow-up`, { body }, 'include')
                  }
                />
              </details>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/ask/">Ask an adviser a new question</a>
      </p>
    </Section>
  )
}

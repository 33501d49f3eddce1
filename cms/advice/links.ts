/** The emailed links' actions on a question: stop its emails, or delete it now. */
import type { Payload } from 'payload'
import type { Question } from '../../content-models/payload-types'
import { idTypeOf, parseRecordId } from '../members/recordId'
import { checkQuestionLink, type QuestionLinkPurpose } from './notify'

/**
 * Runs an emailed link's action when its token is right for the question and the address it went
 * to; 'unknown-link' otherwise (also once the question is gone or its address removed).
 */
export const actOnQuestionLink = async (
  payload: Payload,
  purpose: QuestionLinkPurpose,
  rawId: string,
  token: string,
): Promise<'done' | 'unknown-link'> => {
  const id = parseRecordId(rawId, idTypeOf(payload))
  if (id === null) return 'unknown-link'
  const q = (await payload.findByID({
    collection: 'questions',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    select: { notifyEmail: true },
  })) as Pick<Question, 'id' | 'notifyEmail'> | null
  if (!q || !checkQuestionLink(payload.secret, purpose, id, q.notifyEmail, token)) return 'unknown-link'
  if (purpose === 'erase')
    await payload.delete({ collection: 'questions', id, overrideAccess: true, depth: 0 })
  else
    await payload.update({
      collection: 'questions',
      id,
      data: { notifyEmail: null },
      overrideAccess: true,
      depth: 0,
    })
  return 'done'
}

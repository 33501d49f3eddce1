import type { Endpoint } from 'payload'
import { accountEndpoints } from './account'
import { conversationEndpoints } from './conversations'
import { unfollowEndpoints } from './unfollow'
import { adviceEndpoints } from './advice'
import { keepEndpoints } from './keep'
import { organiseEndpoints } from './organise'
import { proposalEndpoints } from './proposals'
import { openLetterEndpoints } from './openLetters'
import { previewEndpoints } from './preview'
import { publicEndpoints } from './public'
import { rebuildEndpoints } from './rebuild'
import { reviewEndpoints } from './review'
import { signInEndpoints } from './signIn'
import { trainingEndpoints } from './training'

/**
 * The public endpoints: the only writes anonymous people can make (sign-up, petition signing,
 * confirmation, unsubscribe, erase) plus public counts, under /api/public/; and organisers' exports
 * under /api/organise/; admins' rebuild and rollback under /api/site/. Each is thin: it parses input and calls a plain, tested function.
 * (Not under /api/petitions/: Payload routes that prefix to the petitions collection's own API.)
 */
export const endpoints: Endpoint[] = [
  ...publicEndpoints,
  ...keepEndpoints,
  ...organiseEndpoints,
  ...rebuildEndpoints,
  ...trainingEndpoints,
  ...accountEndpoints,
  ...conversationEndpoints,
  ...unfollowEndpoints,
  ...signInEndpoints,
  ...adviceEndpoints,
  ...proposalEndpoints,
  ...openLetterEndpoints,
  ...reviewEndpoints,
  ...previewEndpoints,
]

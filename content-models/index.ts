import { Guides } from './collections/Guides'
import { Media } from './collections/Media'
import { Members } from './collections/Members'
import { Networks } from './collections/Networks'
import { Petitions } from './collections/Petitions'
import { Signatures } from './collections/Signatures'
import { SiteBuilds } from './collections/SiteBuilds'
import { Templates } from './collections/Templates'
import { Topics } from './collections/Topics'
import { TrainingSessions } from './collections/TrainingSessions'
import { Unions } from './collections/Unions'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'

/** Every collection, in the order the admin lists them. */
export const collections = [
  Guides,
  Templates,
  Topics,
  Media,
  TrainingSessions,
  Networks,
  Petitions,
  Unions,
  Signatures,
  Members,
  SiteBuilds,
  Users,
]

export const globals = [SiteSettings]

import type { GlobalConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isAdmin } from '../access/isAdmin'

/** Site-wide words and settings shown on every page. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  admin: { group: 'System' },
  access: { read: anyone, update: isAdmin },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'Better Work' },
    { name: 'tagline', type: 'text', defaultValue: 'Better work is possible' },
    {
      name: 'homeIntro',
      type: 'textarea',
      defaultValue:
        'Find out your rights at work, send the right letter, and get support from people in the same boat.',
    },
    { name: 'contactEmail', type: 'email' },
    {
      name: 'privacyNotice',
      type: 'richText',
      admin: { description: 'The privacy page. Leave empty to use the built-in text.' },
    },
  ],
}

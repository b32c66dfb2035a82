import type { Field } from 'payload'

import { staffOrOwnerField } from '@/access/fieldAccess'
import { validateEmail, validateFrenchPhone, validateHttpUrl } from '@/fields/validators'

/** Contact details of a business or association. The e-mail is never published. */
export const contactFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'phone',
        type: 'text',
        label: 'Téléphone (publié)',
        validate: (value: unknown) => validateFrenchPhone(value),
      },
      {
        name: 'email',
        type: 'email',
        label: 'E-mail (jamais publié)',
        admin: { description: 'Reçoit les demandes de contact envoyées depuis le site.' },
        access: { read: staffOrOwnerField },
        // A duplicate never carries the private address (it would reveal it to the copy's owner).
        hooks: { beforeDuplicate: [() => null] },
        validate: (value: unknown) => validateEmail(value),
      },
    ],
  },
  {
    name: 'website',
    type: 'text',
    label: 'Site web',
    admin: { placeholder: 'https://…' },
    validate: (value: unknown) => validateHttpUrl(value),
  },
]

import type { CollectionConfig } from 'payload'

import { assignOwner } from '@/hooks/assignOwner'
import { assignTerritory } from '@/hooks/assignTerritory'
import { auditChange, auditDelete } from '@/hooks/audit'
import { enforceTerritoryScope } from '@/hooks/enforceTerritoryScope'
import { fillLocationFromCommune } from '@/hooks/fillLocationFromCommune'
import { generateSlug } from '@/hooks/generateSlug'
import { guardRelationsTerritory } from '@/hooks/guardRelationsTerritory'
import { markModifiedByOwner, rememberSubmittedFields } from '@/hooks/markModifiedByOwner'
import { releaseMediaVisibility, syncMediaVisibility } from '@/hooks/mediaVisibility'
import { notifyModerationDecision } from '@/hooks/notifyModerationDecision'
import { publicDefaultSort } from '@/hooks/publicDefaultSort'
import { refuseEmptyUpdate } from '@/hooks/refuseEmptyUpdate'
import { removeFromSearchIndex, syncSearchIndex } from '@/search/syncHooks'
import { countNewEntry } from '@/stats/hooks'

/** The hooks every public, moderated entry shares, in the order they must run. */
export function directoryHooks(options: {
  titleField: 'name' | 'title'
  /** Which field takes the account that creates the entry; none when it is inherited. */
  ownerField?: 'owners' | 'author'
}): NonNullable<CollectionConfig['hooks']> {
  return {
    beforeOperation: [refuseEmptyUpdate, rememberSubmittedFields, publicDefaultSort(options.titleField)],
    beforeValidate: [
      assignTerritory,
      enforceTerritoryScope,
      guardRelationsTerritory,
      fillLocationFromCommune,
      generateSlug(options.titleField),
    ],
    beforeChange: options.ownerField ? [assignOwner(options.ownerField), markModifiedByOwner] : [markModifiedByOwner],
    afterChange: [auditChange, notifyModerationDecision, syncSearchIndex, countNewEntry, syncMediaVisibility],
    afterDelete: [auditDelete, removeFromSearchIndex, releaseMediaVisibility],
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections } from '@collections/index'
import { SLUGS } from '@collections/slugs'

import { createDatabaseAdapter } from './database/adapter'
import { createEmailAdapter } from './email/adapter'
import { resolveSecret } from './secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL || '',
  secret: resolveSecret(),
  admin: {
    user: SLUGS.users,
    importMap: { baseDir: path.resolve(dirname, '..') },
    meta: {
      titleSuffix: ' — Annuaire local',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
    },
    components: {
      graphics: {
        Logo: '/src/components/admin/Logo#Logo',
        Icon: '/src/components/admin/Icon#Icon',
      },
    },
    dateFormat: 'dd/MM/yyyy HH:mm',
  },
  i18n: {
    fallbackLanguage: 'fr',
    supportedLanguages: { fr, en },
  },
  collections,
  editor: lexicalEditor(),
  db: createDatabaseAdapter(),
  email: createEmailAdapter(),
  sharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: { schemaOutputFile: path.resolve(dirname, 'generated-schema.graphql'), maxComplexity: 1000 },
  upload: { limits: { fileSize: 5 * 1024 * 1024 } },
  telemetry: false,
})

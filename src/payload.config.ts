import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections } from '@collections/index'
import { SLUGS } from '@collections/slugs'
import { sameAnswerGraphqlErrors } from '@collections/Users/sameAnswer'

import { restrictLockedDocuments } from './access/lockedDocuments'
import { createDatabaseAdapter } from './database/adapter'
import { createEmailAdapter } from './email/adapter'
import { jobsConfig } from './jobs'
import { ERROR_LOG_LEVELS, namePayloadErrors } from './logging/errorLevels'
import { createLogger } from './logging/logger'
import { newTerritoryEndpoint } from './territories/endpoint'
import { importRunEndpoint } from './imports/endpoint'
import { moderationEndpoints } from './moderation/endpoint'
import { openDataEndpoints } from './opendata/endpoints'
import { reportEndpoints } from './reports/endpoints'
import { sireneEndpoint } from './sirene/endpoint'
import { searchEndpoint } from './search/endpoint'
import { resolveSecret } from './secret'
import { adminFrench } from './i18n/adminFrench'
import { frenchApiErrors } from './hooks/apiErrors'
import { accountMutations } from './graphql/accountMutations'
import { hideGraphqlSuggestions, hideSuggestionsRules } from './graphql/hideSuggestions'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// In Next's minified bundle, Payload's errors lose their names, which `loggingLevels` reads.
namePayloadErrors()

// Payload's lock collection is added while sanitizing: its access is restricted on the result.
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
      beforeLogin: ['/src/components/admin/BeforeLogin#BeforeLogin'],
      providers: ['/src/components/admin/FrenchScreenReaderText/index.client#FrenchScreenReaderText'],
      beforeDashboard: ['/src/components/admin/QuickActions#QuickActions', '/src/components/admin/ModerationSummary#ModerationSummary'],
      actions: ['/src/components/admin/Statistics/NavLinks#StatisticsHeaderLinks'],
      beforeNavLinks: ['/src/components/admin/ModerationNavLink#ModerationNavLink', '/src/components/admin/Statistics/NavLinks#StatisticsNavLinks', '/src/components/admin/NewTerritory/NavLink#NewTerritoryNavLink'],
      views: {
        moderation: {
          Component: '/src/components/admin/ModerationQueue#ModerationQueueView',
          path: '/moderation',
          exact: true,
          meta: { title: 'File de modération' },
        },
        statistics: {
          Component: '/src/components/admin/Statistics#StatisticsView',
          path: '/statistiques',
          exact: true,
          meta: { title: 'Statistiques et bilan' },
        },
        printDirectory: {
          Component: '/src/components/admin/Statistics/PrintDirectory#PrintDirectoryView',
          path: '/annuaire-papier',
          exact: true,
          meta: { title: 'Annuaire papier' },
        },
        imports: {
          Component: '/src/components/admin/Imports#ImportsView',
          path: '/import',
          exact: true,
          meta: { title: 'Importer un tableau' },
        },
        newTerritory: {
          Component: '/src/components/admin/NewTerritory#NewTerritoryView',
          path: '/nouveau-territoire',
          exact: true,
          meta: { title: 'Nouveau territoire' },
        },
      },
    },
    dateFormat: 'dd/MM/yyyy HH:mm',
    // Gravatar would send every staff member's e-mail hash to a third party (and needs a CSP exception).
    avatar: 'default',
  },
  i18n: {
    fallbackLanguage: 'fr',
    // French only: with English offered, a browser set to English got an English admin.
    supportedLanguages: { fr },
    translations: { fr: adminFrench },
  },
  collections,
  // French REST errors that keep each field's message; the request's own mistakes as 400, not 500.
  hooks: { afterError: [frenchApiErrors, hideGraphqlSuggestions, sameAnswerGraphqlErrors] },
  endpoints: [...moderationEndpoints, ...reportEndpoints, ...openDataEndpoints, importRunEndpoint, sireneEndpoint, searchEndpoint, newTerritoryEndpoint],
  jobs: jobsConfig,
  editor: lexicalEditor(),
  db: createDatabaseAdapter(),
  email: createEmailAdapter(),
  sharp,
  // Types are written by `npm run generate:types` only: Payload would otherwise spawn the
  // generator at every start outside production (each test file, each test server).
  typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'generated-schema.graphql'),
    maxComplexity: 1000,
    // No « Did you mean … » in production; forgotPasswordUser answers alike (see the files).
    validationRules: hideSuggestionsRules,
    mutations: accountMutations,
  },
  upload: { limits: { fileSize: 5 * 1024 * 1024 } },
  logger: createLogger(),
  // Refusals (400, 401, 403, 404) at info, server errors at error.
  loggingLevels: ERROR_LOG_LEVELS,
  telemetry: false,
}).then(restrictLockedDocuments)

import type { TaskConfig } from 'payload'

import { IMPORT_TASK, runQueuedImport } from '@/imports/background'

type ImportIO = { input: { run: string }; output: object }

/**
 * Runs one recorded spreadsheet import (`import-runs`). The endpoint queues it and starts it at
 * once; if the server stops in the middle, the job runner resumes it at its next start
 * (src/imports/background.ts). No retry here: the run records its own failure in French.
 */
export const importSpreadsheetTask: TaskConfig<ImportIO> = {
  slug: IMPORT_TASK,
  label: 'Import d’un tableau',
  inputSchema: [{ name: 'run', type: 'text', required: true }],
  retries: 0,
  handler: async ({ input, req }) => {
    await runQueuedImport(req.payload, input.run)
    return { output: {} }
  },
}

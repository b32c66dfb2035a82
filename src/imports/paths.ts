/** The admin page of imports and the endpoint its form posts to. */
export const IMPORT_VIEW_PATH = '/import'
export const IMPORT_API_PATH = '/imports/run'

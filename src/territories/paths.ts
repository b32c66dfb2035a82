/** The national administrator's page « Nouveau territoire » and the endpoint its form posts to. */
export const NEW_TERRITORY_VIEW_PATH = '/nouveau-territoire'
export const NEW_TERRITORY_API_PATH = '/territoires/depuis-epci'

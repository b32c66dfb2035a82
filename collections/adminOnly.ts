/** The admin component that shows a required technical text field to administrators only. */
export const ADMIN_ONLY_TEXT = '/src/components/admin/AdminOnlyField/index.client#AdminOnlyTextField'

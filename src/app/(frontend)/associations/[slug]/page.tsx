import { profilePage } from '@/components/site/ProfilePage'

export const dynamic = 'force-dynamic'

const page = profilePage('associations')
export const generateMetadata = page.generateMetadata
export default page.ProfilePage

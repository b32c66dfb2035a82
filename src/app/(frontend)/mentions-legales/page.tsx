import { LegalPage, legalMetadata } from '@/components/site/LegalPage'

export const dynamic = 'force-dynamic'

export const generateMetadata = () => legalMetadata('mentions-legales')

export default function MentionsLegalesPage() {
  return <LegalPage slug="mentions-legales" />
}

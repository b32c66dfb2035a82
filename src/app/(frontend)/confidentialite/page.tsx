import { LegalPage, legalMetadata } from '@/components/site/LegalPage'

export const dynamic = 'force-dynamic'

export const generateMetadata = () => legalMetadata('confidentialite')

export default function ConfidentialitePage() {
  return <LegalPage slug="confidentialite" />
}

import { LegalPage, legalMetadata } from '@/components/site/LegalPage'

export const dynamic = 'force-dynamic'

export const generateMetadata = () => legalMetadata('a-propos')

export default function AProposPage() {
  return <LegalPage slug="a-propos" />
}

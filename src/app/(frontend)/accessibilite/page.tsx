import { LegalPage, legalMetadata } from '@/components/site/LegalPage'

export const dynamic = 'force-dynamic'

export const generateMetadata = () => legalMetadata('accessibilite')

export default function AccessibilitePage() {
  return <LegalPage slug="accessibilite" />
}

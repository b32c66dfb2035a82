import type { ReactNode } from 'react'

import './contributions.css'

/** Pages where the public contributes: accounts, forms, « Mon espace ». */
export default function ContributionsLayout({ children }: { children: ReactNode }) {
  return children
}

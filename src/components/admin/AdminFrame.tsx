import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

/**
 * A custom admin view inside Payload's usual frame (side navigation, header, account menu),
 * as every page of the admin: the props Payload's template needs come from the view's own.
 */
export function AdminFrame({ view, viewType, children }: { view: AdminViewServerProps; viewType?: string; children: ReactNode }) {
  const { initPageResult, params, searchParams } = view
  const { req, permissions, locale, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      viewType={viewType}
      visibleEntities={visibleEntities}
    >
      {/* Payload's frame has no main landmark: our views give theirs (axe: landmark-one-main, region). */}
      <main>{children}</main>
    </DefaultTemplate>
  )
}

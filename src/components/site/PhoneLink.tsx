import { formatFrenchPhone, phoneHref } from '@/fields/validators'

/** A phone as the site shows it, « 03 44 46 12 34 » whatever was typed, dialled as +33. */
export function PhoneLink({ phone }: { phone: string }) {
  return <a href={phoneHref(phone)}>{formatFrenchPhone(phone)}</a>
}

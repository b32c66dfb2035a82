import type { SelectField } from 'payload'

export const PRICE_TYPES = ['free', 'paid', 'cesu'] as const
export type PriceType = (typeof PRICE_TYPES)[number]

export const PRICE_TYPE_LABELS: Record<PriceType, string> = {
  free: 'Gratuit',
  paid: 'Payant',
  cesu: 'Payable en CESU',
}

export const priceTypeField: SelectField = {
  name: 'priceType',
  type: 'select',
  label: 'Tarif',
  required: true,
  defaultValue: 'free',
  index: true,
  options: PRICE_TYPES.map((value) => ({ value, label: PRICE_TYPE_LABELS[value] })),
}

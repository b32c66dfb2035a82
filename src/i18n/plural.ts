/** A count written the French way: « 1 234 » (a narrow no-break space between thousands). */
export const frenchNumber = (count: number) => count.toLocaleString('fr-FR')

/**
 * « 0 fiche », « 1 fiche », « 3 fiches »: French puts 0 and 1 in the singular. `many`
 * defaults to `one` with an s; `number` writes the count (PDFs pass one their fonts can draw).
 */
export function plural(count: number, one: string, many = `${one}s`, number: (count: number) => string = frenchNumber): string {
  return `${number(count)} ${count > 1 ? many : one}`
}

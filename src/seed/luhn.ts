/** Appends the Luhn check digit to a string of digits (demo SIRET numbers that pass validation). */
export function withLuhnDigit(digits: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = digits + d
    let sum = 0
    for (let i = 0; i < candidate.length; i++) {
      let n = Number(candidate[candidate.length - 1 - i])
      if (i % 2 === 1) {
        n *= 2
        if (n > 9) n -= 9
      }
      sum += n
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error('unreachable')
}

/** A deterministic, valid-looking demo SIRET: SIREN (Luhn) + NIC (Luhn over 14 digits). */
export function demoSiret(n: number): string {
  const siren = withLuhnDigit(`9${String(10000000 + n * 7919).slice(-7)}`)
  return withLuhnDigit(`${siren}0001`)
}

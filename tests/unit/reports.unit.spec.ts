import { toCsv } from '@/reports/csv'
import { defaultPeriod, periodLabel, periodSchema } from '@/reports/period'
import { formatNumber, pdfText } from '@/reports/pdf'

describe('report helpers', () => {
  it('defaults to the six months ending this month', () => {
    expect(defaultPeriod(new Date('2026-03-15T12:00:00Z'))).toEqual({ from: '2025-10', to: '2026-03' })
    expect(periodLabel({ from: '2026-01', to: '2026-06' })).toBe('de janvier 2026 à juin 2026')
  })
  it('refuses a malformed or reversed period in French', () => {
    expect(periodSchema.safeParse({ from: '2026-13' }).success).toBe(false)
    const reversed = periodSchema.safeParse({ from: '2026-06', to: '2026-01' })
    expect(reversed.success).toBe(false)
    expect(reversed.error?.issues[0]?.message).toMatch(/précéder/)
  })
  it('quotes CSV cells that need it', () => {
    expect(toCsv([['a;b', 'c"d', 'e'], [1, null, 'f\ng']], ';')).toBe('"a;b";"c""d";e\r\n1;;"f\ng"\r\n')
  })
  it('neutralises cells a spreadsheet would run as a formula (OWASP: leading quote), numbers stay numbers', () => {
    const cells = ['=HYPERLINK("http://x","y")', '+33 3 44 00 00 00', '-2+3', '@SUM(A1)', '\tcmd', '\r=1', 'Boulangerie = pain']
    expect(toCsv([cells], ';')).toBe('"\'=HYPERLINK(""http://x"",""y"")";\'+33 3 44 00 00 00;\'-2+3;\'@SUM(A1);\'\tcmd;"\'\r=1";Boulangerie = pain\r\n')
    expect(toCsv([[-1.5, '-1.5', '+33', 0]])).toBe('-1.5,-1.5,+33,0\r\n')
  })
  it('keeps PDF text within the standard fonts', () => {
    expect(formatNumber(1234567)).toBe('1 234 567')
    expect(pdfText('Œuf à 2\u202f€ – ok 🙂')).toBe('Œuf à 2 € – ok ')
  })
})

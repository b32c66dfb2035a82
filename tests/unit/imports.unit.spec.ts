import { parseMappingText } from '@/imports/endpoint'
import { resolveMapping } from '@/imports/mapping'
import { readTable } from '@/imports/read'
import { prepareRow, type Lookup } from '@/imports/row'

const lookup: Lookup = {
  communes: [{ id: 1, name: 'Grandvilliers', inseeCode: '60286', postcodes: ['60210'] }],
  categories: [
    { id: 10, name: 'Boulangerie, pâtisserie', slug: 'boulangerie-patisserie' },
    { id: 11, name: 'Associations sportives', slug: 'associations-sportives' },
  ],
}

describe('import mapping and rows', () => {
  it('recognises French column names and honours an explicit mapping', () => {
    const { mapping, unknownColumns } = resolveMapping(['Raison sociale', 'N° SIRET', 'Code postal', 'Ville', 'Catégorie', 'Divers'])
    expect(mapping).toMatchObject({ name: 'Raison sociale', siret: 'N° SIRET', postcode: 'Code postal', commune: 'Ville', categories: 'Catégorie' })
    expect(unknownColumns).toEqual(['Divers'])
    expect(resolveMapping(['Enseigne', 'Nom du gérant'], { name: 'Enseigne' }).mapping.name).toBe('Enseigne')
    expect(() => resolveMapping(['a'], { name: 'b' })).toThrow(/Colonne « b » introuvable/)
    expect(parseMappingText('name = Raison sociale\ncommune = Ville')).toEqual({ name: 'Raison sociale', commune: 'Ville' })
  })

  it('prepares a good row and refuses a bad one with every reason', () => {
    const mapping = { name: 'nom', siret: 'siret', categories: 'cat', commune: 'commune', postcode: 'cp', website: 'site' }
    const good = prepareRow({ nom: 'Fournil', siret: '732 829 320 00074', cat: 'boulangerie, PÂTISSERIE', commune: '60286', cp: '60210', site: 'fournil.fr' }, mapping, lookup)
    expect(good).toEqual({
      ok: true,
      kind: 'businesses',
      data: { name: 'Fournil', siret: '73282932000074', categories: [10], commune: 1, postcode: '60210', website: 'https://fournil.fr' },
    })
    const bad = prepareRow({ nom: '', siret: '1', cat: 'Inconnue', commune: 'Beauvais', cp: '6021' }, mapping, lookup)
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.errors.join(' ')).toMatch(/Nom manquant/)
      expect(bad.errors.join(' ')).toMatch(/SIRET/)
      expect(bad.errors.join(' ')).toMatch(/Catégorie « Inconnue » inconnue/)
      expect(bad.errors.join(' ')).toMatch(/Commune « Beauvais » inconnue/)
      expect(bad.errors.join(' ')).toMatch(/Code postal/)
    }
  })

  it('takes an association from its RNA number', () => {
    const row = prepareRow({ nom: 'Club', rna: 'w602009999', cat: 'Associations sportives', commune: 'grandvilliers' }, { name: 'nom', rna: 'rna', categories: 'cat', commune: 'commune' }, lookup)
    expect(row).toMatchObject({ ok: true, kind: 'associations', data: { rna: 'W602009999' } })
  })

  it('reads semicolon CSV with a BOM and refuses other formats', async () => {
    const table = await readTable(Buffer.from('\uFEFFnom;commune\n"Le ""Bon"" Pain";Grandvilliers\n\n', 'utf8'), 'a.csv')
    expect(table).toEqual({ header: ['nom', 'commune'], rows: [{ nom: 'Le "Bon" Pain', commune: 'Grandvilliers' }] })
    await expect(readTable(Buffer.from('x'), 'a.ods')).rejects.toThrow(/\.csv ou \.xlsx/)
  })
})

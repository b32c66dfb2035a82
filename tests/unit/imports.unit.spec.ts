import { parseMappingText } from '@/imports/endpoint'
import { matchCategory } from '@/imports/categories'
import { resolveMapping } from '@/imports/mapping'
import { detectDelimiter, readTable } from '@/imports/read'
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
    // What a person writes: French labels, any case or accents, « → » as well as « = ».
    expect(parseMappingText('Nom = Raison sociale\ncode POSTAL → CP\nTéléphone = Tél. portable\nsite web = Internet')).toEqual({
      name: 'Raison sociale',
      postcode: 'CP',
      phone: 'Tél. portable',
      website: 'Internet',
    })
    expect(() => parseMappingText('Gérant = Nom du gérant')).toThrow(/Champ « Gérant » inconnu : choisissez parmi Type.*Nom, SIRET/)
    expect(() => resolveMapping(['a'], { postcode: 'b' })).toThrow(/pour « Code postal »/)
  })

  it('prepares a good row and refuses a bad one with every reason', () => {
    const mapping = { name: 'nom', siret: 'siret', categories: 'cat', commune: 'commune', postcode: 'cp', website: 'site' }
    const good = prepareRow({ nom: 'Fournil', siret: '732 829 320 00074', cat: 'boulangerie, PÂTISSERIE', commune: '60286', cp: '60210', site: 'fournil.fr' }, mapping, lookup)
    expect(good).toMatchObject({
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

  it('matches categories as people write them: case, accents, plural, « Parent > Catégorie », part of a name', () => {
    const categories = [
      { id: 1, name: 'Alimentation', parent: null },
      { id: 2, name: 'Boulangerie, pâtisserie', parent: 1, keywords: 'boulanger, pain' },
      { id: 3, name: 'Entretien de la maison', parent: null },
      { id: 4, name: 'Plomberie, chauffage', parent: 3 },
      { id: 5, name: 'Électricité', parent: 3 },
      { id: 6, name: 'Pharmacies', parent: null },
    ]
    const m = (written: string) => matchCategory(written, categories)
    expect(m('ELECTRICITE')).toMatchObject({ kind: 'exact', category: { id: 5 } })
    expect(m('boulangeries, pâtisseries')).toMatchObject({ kind: 'exact', category: { id: 2 } })
    expect(m('Pharmacie')).toMatchObject({ kind: 'exact', category: { id: 6 } })
    expect(m('Alimentation > Boulangerie')).toMatchObject({ kind: 'close', category: { id: 2 } })
    expect(m('Plomberie')).toMatchObject({ kind: 'close', category: { id: 4 } })
    expect(m('boulanger')).toMatchObject({ kind: 'close', category: { id: 2 } })
    expect(m('Alimentation > Fromagerie')).toEqual({ kind: 'missing', written: 'Alimentation > Fromagerie', name: 'Fromagerie', parent: categories[0] })
    expect(m('Astronautes')).toMatchObject({ kind: 'missing', name: 'Astronautes', parent: null })
  })

  it('detects « ; », tab and « , » separators from the header line', async () => {
    expect(detectDelimiter('nom;commune;"a, b"')).toBe(';')
    expect(detectDelimiter('nom\tcommune\tcatégorie')).toBe('\t')
    expect(detectDelimiter('nom,commune;x,y')).toBe(',')
    const tab = await readTable(Buffer.from('nom\tcommune\tcatégorie\nLe Fournil\tGrandvilliers\tBoulangerie, pâtisserie\n'), 'a.tsv')
    expect(tab.rows).toEqual([{ nom: 'Le Fournil', commune: 'Grandvilliers', catégorie: 'Boulangerie, pâtisserie' }])
    // Excel's French « CSV (séparateur : point-virgule) » is Windows-1252.
    const latin = await readTable(Buffer.from([...Buffer.from('nom;t'), 0xe9, ...Buffer.from('l\nCaf'), 0xe9, ...Buffer.from(';03\n')]), 'a.csv')
    expect(latin).toEqual({ header: ['nom', 'tél'], rows: [{ nom: 'Café', tél: '03' }] })
  })

  it('reads semicolon CSV with a BOM and refuses other formats', async () => {
    const table = await readTable(Buffer.from('\uFEFFnom;commune\n"Le ""Bon"" Pain";Grandvilliers\n\n', 'utf8'), 'a.csv')
    expect(table).toEqual({ header: ['nom', 'commune'], rows: [{ nom: 'Le "Bon" Pain', commune: 'Grandvilliers' }] })
    await expect(readTable(Buffer.from('x'), 'a.ods')).rejects.toThrow(/\.csv ou \.xlsx/)
  })
})

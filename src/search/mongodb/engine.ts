/**
 * MongoDB engine — UNTESTED: written against the MongoDB 6+ documentation, it has never run
 * (no MongoDB server can be installed on the project's machines; its suite,
 * tests/int/search.mongodb.int.spec.ts, runs only where TEST_MONGODB_URI is set). The README
 * says so, and the engine logs it once at start. One `search_entries` collection:
 * - `terms`: the folded, stemmed words of the entry and their prefixes (multikey index),
 *   which gives prefix matching and AND-of-alternatives (synonyms, typo corrections);
 * - a text index over the same words per field with weights (name 10, categories 4,
 *   communes 2, description 1) that only scores (`$meta: 'textScore'`);
 * - coordinates with a compound index for the bounding-box prefilter; the exact haversine
 *   distance is computed in the pipeline;
 * - one aggregation with `$facet` returns the page, the total and every facet.
 * Typos are corrected against the indexed words (`search_words`) held in memory.
 */
import type { Payload } from 'payload'

import type { IndexDocument } from '../document'
import { BaseSearchEngine, type EntryRef } from '../engine'
import { boundingBox, EARTH_RADIUS_KM } from '../geo'
import { sortFacet, toId, type SearchPlan } from '../query'
import { indexText } from '../text'
import type { AnnouncementKind, EntryKind, PriceType, SearchHit, SearchResult } from '../types'
import { expandTerms, Vocabulary } from '../vocabulary'

type Doc = Record<string, unknown>
type Cursor = { toArray(): Promise<Doc[]> }
type Collection = {
  createIndex(spec: Doc, options?: Doc): Promise<unknown>
  bulkWrite(ops: Doc[], options?: Doc): Promise<unknown>
  deleteMany(filter: Doc): Promise<unknown>
  updateOne(filter: Doc, update: Doc, options?: Doc): Promise<unknown>
  findOne(filter: Doc): Promise<Doc | null>
  find(filter: Doc, options?: Doc): Cursor
  aggregate(pipeline: Doc[], options?: Doc): Cursor
}
type Db = { collection(name: string): Collection }

const SCHEMA_VERSION = '2'
const VOCABULARY_TTL_MS = 5 * 60_000
const MIN_PREFIX = 2
const MAX_PREFIX = 15

/** Words of a field followed by their prefixes, so that the text index also scores "boulan". */
function withPrefixes(text: string): string[] {
  const out = new Set<string>()
  for (const word of indexText(text).split(' ').filter(Boolean)) {
    out.add(word)
    for (let n = MIN_PREFIX; n < Math.min(word.length, MAX_PREFIX); n++) out.add(word.slice(0, n))
  }
  return [...out]
}

export class MongoSearchEngine extends BaseSearchEngine {
  readonly name = 'mongodb' as const
  private vocabulary: { value: Vocabulary; loadedAt: number } | null = null

  constructor(payload: Payload) {
    super(payload)
  }

  private get db(): Db {
    return (this.payload.db as unknown as { connection: { db: Db } }).connection.db
  }

  private get entries() {
    return this.db.collection('search_entries')
  }

  protected async createSchema(): Promise<boolean> {
    this.payload.logger.warn(
      'Recherche MongoDB : ce moteur n’a jamais été testé sur un serveur MongoDB (voir le README) ; SQLite et PostgreSQL sont les bases prises en charge.',
    )
    const meta = this.db.collection('search_meta')
    const version = await meta.findOne({ _id: 'version' })
    if (version && version.value !== SCHEMA_VERSION) {
      await this.entries.deleteMany({})
      await meta.deleteMany({})
    }
    await this.entries.createIndex({ kind: 1, entryId: 1 }, { unique: true, name: 'search_key' })
    await this.entries.createIndex({ territory: 1, terms: 1 }, { name: 'search_terms' })
    await this.entries.createIndex({ territory: 1, latitude: 1, longitude: 1 }, { name: 'search_geo' })
    await this.entries.createIndex({ territory: 1, updatedAt: -1 }, { name: 'search_updated' })
    await this.entries.createIndex({ categoryTree: 1 }, { name: 'search_categories' })
    await this.entries.createIndex(
      { 'text.title': 'text', 'text.categories': 'text', 'text.body': 'text', 'text.place': 'text' },
      {
        name: 'search_text',
        default_language: 'none',
        language_override: 'textLanguage',
        weights: { 'text.title': 10, 'text.categories': 4, 'text.place': 2, 'text.body': 1 },
      },
    )
    await meta.updateOne({ _id: 'version' }, { $set: { value: SCHEMA_VERSION } }, { upsert: true })
    return !(await meta.findOne({ _id: 'built' }))
  }

  protected async markBuilt(): Promise<void> {
    await this.db.collection('search_meta').updateOne({ _id: 'built' }, { $set: { value: new Date().toISOString() } }, { upsert: true })
  }

  protected async clearIndex(): Promise<void> {
    await this.entries.deleteMany({})
    await this.db.collection('search_words').deleteMany({})
    this.vocabulary = null
  }

  protected async writeDocuments(docs: IndexDocument[]): Promise<void> {
    if (docs.length === 0) return
    const words = new Set<string>()
    const ops = docs.map((doc) => {
      const text = {
        title: withPrefixes(doc.text.title),
        categories: withPrefixes(doc.text.categories),
        body: withPrefixes(doc.text.body),
        place: withPrefixes(doc.text.place),
      }
      for (const field of Object.values(doc.text)) for (const w of indexText(field).split(' ')) if (w.length >= 3) words.add(w)
      const { text: _raw, id, expiresAt, shownFrom, updatedAt, ...rest } = doc
      return {
        replaceOne: {
          filter: { kind: doc.kind, entryId: id },
          replacement: {
            ...rest,
            entryId: id,
            expiresAt: expiresAt ? new Date(expiresAt) : null,
            shownFrom: shownFrom ? new Date(shownFrom) : null,
            updatedAt: new Date(updatedAt),
            terms: [...new Set(Object.values(text).flat())],
            text: Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.join(' ')])),
          },
          upsert: true,
        },
      }
    })
    await this.entries.bulkWrite(ops, { ordered: false })
    await this.db
      .collection('search_words')
      .bulkWrite([...words].map((w) => ({ updateOne: { filter: { _id: w }, update: { $set: { _id: w } }, upsert: true } })), { ordered: false })
    this.vocabulary = null
  }

  protected async deleteEntries(kind: EntryKind, ids: string[]): Promise<void> {
    if (ids.length) await this.entries.deleteMany({ kind, entryId: { $in: ids } })
  }

  async entriesInCategory(categoryId: number | string): Promise<EntryRef[]> {
    await this.ensureSchema()
    const docs = await this.entries.find({ categoryTree: String(categoryId) }, { projection: { kind: 1, entryId: 1 } }).toArray()
    return docs.map((d) => ({ kind: d.kind as EntryKind, id: String(d.entryId) }))
  }

  private async loadVocabulary(): Promise<Vocabulary> {
    const now = Date.now()
    if (this.vocabulary && now - this.vocabulary.loadedAt < VOCABULARY_TTL_MS) return this.vocabulary.value
    const docs = await this.db.collection('search_words').find({}).toArray()
    const value = new Vocabulary(docs.map((d) => [String(d._id), 1]))
    this.vocabulary = { value, loadedAt: now }
    return value
  }

  protected async execute(plan: SearchPlan): Promise<Omit<SearchResult, 'tookMs'>> {
    if (!plan.terms.length) return this.run(plan, [], 'and')
    const groups = expandTerms(plan.terms, await this.loadVocabulary())
    const result = await this.run(plan, groups, 'and')
    return result.total === 0 && groups.length > 1 ? this.run(plan, groups, 'or') : result
  }

  private async run(plan: SearchPlan, groups: string[][], mode: 'and' | 'or'): Promise<Omit<SearchResult, 'tookMs'>> {
    const now = new Date(plan.now)
    // Not expired and, for a notice, its first day has come.
    const current: Doc[] = [{ $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] }, { $or: [{ shownFrom: null }, { shownFrom: { $lte: now } }] }]
    const match: Doc = { territory: plan.territory, $and: current }
    const clean = groups.map((g) => g.filter((t) => /^[a-z0-9]+$/.test(t))).filter((g) => g.length)
    if (clean.length) {
      match.$text = { $search: clean.flat().join(' ') }
      match.$and = [...current, ...(mode === 'and' ? clean.map((g) => ({ terms: { $in: g } })) : [{ terms: { $in: clean.flat() } }])]
    }
    const pipeline: Doc[] = []
    let dist: Doc | null = null
    if (plan.near) {
      const { latitude, longitude, radiusKm } = plan.near
      if (radiusKm !== null) {
        const box = boundingBox(plan.near, radiusKm)
        match.latitude = { $gte: box.minLat, $lte: box.maxLat }
        match.longitude = { $gte: box.minLng, $lte: box.maxLng }
      }
      const rad = (v: unknown) => ({ $degreesToRadians: v })
      const sinHalf = (a: unknown, b: unknown) => ({ $sin: { $divide: [rad({ $subtract: [a, b] }), 2] } })
      const squared = (v: Doc) => ({ $multiply: [v, v] })
      dist = {
        $cond: [
          { $not: [{ $and: [{ $isNumber: '$latitude' }, { $isNumber: '$longitude' }] }] },
          null,
          {
            $multiply: [
              2 * EARTH_RADIUS_KM,
              {
                $asin: {
                  $min: [
                    1,
                    {
                      $sqrt: {
                        $add: [
                          squared(sinHalf('$latitude', latitude)),
                          { $multiply: [Math.cos((latitude * Math.PI) / 180), { $cos: rad('$latitude') }, squared(sinHalf('$longitude', longitude))] },
                        ],
                      },
                    },
                  ],
                },
              },
            ],
          },
        ],
      }
    }
    pipeline.push({ $match: match })
    const hasText = clean.length > 0
    const kindConditions: Doc[] = []
    if (plan.kinds.length) kindConditions.push({ $in: ['$kind', plan.kinds] })
    if (plan.announcementKinds.length) {
      kindConditions.push({ $or: [{ $ne: ['$kind', 'announcements'] }, { $in: ['$announcementKind', plan.announcementKinds] }] })
    }
    pipeline.push({
      $addFields: {
        score: hasText ? { $meta: 'textScore' } : 0,
        dist: dist ?? null,
        fCat: plan.categories.length ? { $gt: [{ $size: { $setIntersection: ['$categoryTree', plan.categories] } }, 0] } : true,
        fCom: plan.communes.length ? { $gt: [{ $size: { $setIntersection: ['$communeIds', plan.communes] } }, 0] } : true,
        fKind: kindConditions.length ? { $and: kindConditions } : true,
        fPrice: plan.priceTypes.length ? { $in: ['$priceType', plan.priceTypes] } : true,
      },
    })
    if (plan.near?.radiusKm != null) pipeline.push({ $match: { dist: { $ne: null, $lte: plan.near.radiusKm } } })
    const all = { fCat: true, fCom: true, fKind: true, fPrice: true }
    // Documents without coordinates sort after the others.
    pipeline.push({ $addFields: { distSort: { $ifNull: ['$dist', Number.MAX_VALUE] } } })
    let sort: Doc
    if (plan.sort === 'date') sort = { updatedAt: -1, score: -1, _id: -1 }
    else if (plan.sort === 'distance') sort = { distSort: 1, score: -1, _id: -1 }
    else if (hasText) sort = { score: -1, distSort: 1, updatedAt: -1, _id: -1 }
    else if (plan.near) sort = { distSort: 1, updatedAt: -1, _id: -1 }
    else sort = { updatedAt: -1, _id: -1 }
    const count = (filter: Doc, group: unknown, unwind?: string): Doc[] => [
      { $match: filter },
      ...(unwind ? [{ $unwind: unwind }] : []),
      { $group: { _id: group, count: { $sum: 1 } } },
    ]
    pipeline.push({
      $facet: {
        hits: [{ $match: all }, { $sort: sort }, { $skip: plan.offset }, { $limit: plan.limit }, { $project: { terms: 0, text: 0 } }],
        total: [{ $match: all }, { $count: 'n' }],
        kinds: count({ fCat: true, fCom: true, fPrice: true }, '$kind'),
        priceTypes: count({ fCat: true, fCom: true, fKind: true, priceType: { $ne: null } }, '$priceType'),
        categories: count({ fCom: true, fKind: true, fPrice: true }, '$categoryTree', '$categoryTree'),
        communes: count({ fCat: true, fKind: true, fPrice: true }, '$communeIds', '$communeIds'),
      },
    })
    const [out] = await this.entries.aggregate(pipeline, { allowDiskUse: false }).toArray()
    const facet = (name: string) =>
      sortFacet(((out?.[name] as Doc[] | undefined) ?? []).map((f) => ({ value: String(f._id), count: Number(f.count) })))
    const total = Number(((out?.total as Doc[] | undefined) ?? [])[0]?.n ?? 0)
    const hits: SearchHit[] = ((out?.hits as Doc[] | undefined) ?? []).map((d) => ({
      kind: d.kind as EntryKind,
      id: toId(String(d.entryId), false),
      title: String(d.title),
      slug: String(d.slug),
      summary: String(d.summary),
      communeId: (d.communeId as string | null) ?? null,
      categoryIds: (d.categoryIds as string[]) ?? [],
      announcementKind: (d.announcementKind as AnnouncementKind | null) ?? null,
      priceType: (d.priceType as PriceType | null) ?? null,
      latitude: (d.latitude as number | null) ?? null,
      longitude: (d.longitude as number | null) ?? null,
      ...(plan.near && typeof d.dist === 'number' ? { distanceKm: Math.round(d.dist * 1000) / 1000 } : {}),
      score: Math.round(Number(d.score ?? 0) * 1e6) / 1e6,
      updatedAt: d.updatedAt instanceof Date ? d.updatedAt.toISOString() : String(d.updatedAt),
      isExample: d.isExample === true,
    }))
    return {
      hits,
      total,
      page: plan.page,
      totalPages: Math.ceil(total / plan.limit),
      facets: { categories: facet('categories'), communes: facet('communes'), kinds: facet('kinds'), priceTypes: facet('priceTypes') },
    }
  }
}

import type { NextFunction, Request, Response } from 'express'
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from 'graphql'
import { z } from 'zod'

import { MAX_JSON_BYTES, readBodyOnce } from './rejectMalformedBodies'
import { normalisedPath, setLimitRoute } from './requestRoute'

/** Root fields (aliases included) one GraphQL request may ask for. */
export const MAX_ROOT_FIELDS = 10
/** Nesting of selections (fragments expanded); relations nest a few levels at most. */
export const MAX_DEPTH = 12
/** Lexical tokens of one document (graphql-js stops parsing past it). */
const MAX_TOKENS = 5000

/**
 * Account operations and the REST route whose abuse limit they share: GraphQL must not be a
 * way around the login or sign-up limits, nor try 100 passwords in one request with aliases.
 */
export const AUTH_MUTATIONS: Record<string, string> = {
  loginUser: '/api/users/login',
  createUser: '/api/users',
  forgotPasswordUser: '/api/users/forgot-password',
  resetPasswordUser: '/api/users/reset-password',
  verifyEmailUser: '/api/users/verify/graphql',
  unlockUser: '/api/users/unlock',
}

export const GRAPHQL_ROUTE = '/api/graphql'

const graphqlBody = z.object({
  query: z.string().min(1).max(100_000),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().max(200).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
})

export type GraphqlShape = { rootFields: number; authMutations: string[]; depth: number }

/** Root fields, account mutations and depth of every operation of a parsed document. */
export function shapeOf(document: DocumentNode): GraphqlShape {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const shape: GraphqlShape = { rootFields: 0, authMutations: [], depth: 0 }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  for (const operation of operations) {
    const roots = fieldsOf(operation.selectionSet, fragments, new Set())
    shape.rootFields = Math.max(shape.rootFields, roots.length)
    if (operation.operation === 'mutation') {
      for (const field of roots) if (field.name.value in AUTH_MUTATIONS) shape.authMutations.push(field.name.value)
    }
    shape.depth = Math.max(shape.depth, depthOf(operation.selectionSet, fragments, new Set()))
  }
  return shape
}

type FieldNode = Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>

/** The fields of a selection set, through fragment spreads and inline fragments. */
function fieldsOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>): FieldNode[] {
  return set.selections.flatMap((selection): FieldNode[] => {
    if (selection.kind === Kind.FIELD) return [selection]
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments, visiting)
    const name = selection.name.value
    const fragment = fragments.get(name)
    if (!fragment || visiting.has(name)) return []
    return fieldsOf(fragment.selectionSet, fragments, new Set([...visiting, name]))
  })
}

function depthOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>): number {
  let deepest = 0
  for (const field of fieldsOf(set, fragments, visiting)) {
    const below = field.selectionSet ? depthOf(field.selectionSet, fragments, visiting) : 0
    deepest = Math.max(deepest, 1 + below)
    if (deepest > MAX_DEPTH) break
  }
  return deepest
}

/** What is wrong with a GraphQL request body, in French, or its shape. */
export function graphqlProblem(raw: string): { problem: string } | { shape: GraphqlShape } {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { problem: 'Le corps de la requête n’est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades.' }
  }
  const body = graphqlBody.safeParse(json)
  if (!body.success) {
    return { problem: 'Requête GraphQL attendue : un objet JSON { "query": "…", "variables": { … } }, sans autre forme.' }
  }
  let document: DocumentNode
  try {
    document = parse(body.data.query, { maxTokens: MAX_TOKENS, noLocation: true })
  } catch (error) {
    const detail = error instanceof GraphQLError ? error.message.replace(/^Syntax Error: /, '') : ''
    return { problem: `La requête GraphQL est illisible${detail ? ` (${detail.slice(0, 200)})` : ''}.` }
  }
  const shape = shapeOf(document)
  if (shape.authMutations.length > 1) {
    return { problem: 'Une seule opération de compte (connexion, inscription, mot de passe) par requête GraphQL.' }
  }
  if (shape.rootFields > MAX_ROOT_FIELDS) {
    return { problem: `Trop de champs demandés à la racine de la requête GraphQL (${MAX_ROOT_FIELDS} au plus) : découpez-la.` }
  }
  if (shape.depth > MAX_DEPTH) return { problem: `La requête GraphQL est trop imbriquée (${MAX_DEPTH} niveaux au plus).` }
  return { shape }
}

/**
 * Before the abuse limits and Payload: reads and checks every GraphQL request (JSON shape by
 * zod, document parsed by graphql-js), refuses too many root fields, more than one account
 * operation, or too deep a query, and makes an account operation count against the limit of
 * its REST twin. The body is kept for the next readers (see `readBodyOnce`).
 */
export function graphqlGuard(req: Request, res: Response, next: NextFunction) {
  if (req.method !== 'POST' || normalisedPath(req.path) !== GRAPHQL_ROUTE) return next()
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  // rejectMalformedBodies answers the wrong types (415) with its own message.
  if (type !== 'application/json') return next()
  readBodyOnce(req, MAX_JSON_BYTES)
    .then((body) => {
      if (body === null) return next()
      const result = graphqlProblem(body.toString('utf8'))
      if ('problem' in result) return void res.status(400).json({ errors: [{ message: result.problem }] })
      const auth = result.shape.authMutations[0]
      if (auth) setLimitRoute(req, AUTH_MUTATIONS[auth]!)
      next()
    })
    .catch(() => res.status(400).json({ errors: [{ message: 'Le corps de la requête n’a pas pu être lu : renvoyez-la.' }] }))
}

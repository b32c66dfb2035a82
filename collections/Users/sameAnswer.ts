import {
  type AfterErrorHook,
  APIError,
  AuthenticationError,
  type CollectionAfterErrorHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type Endpoint,
  ValidationError,
  addDataAndFileToRequest,
  headersWithCors,
} from 'payload'
import { z } from 'zod'

import { hashDummyPassword } from '@/auth/dummyPassword'
import { requestPasswordResetInBackground, warnOwnerOfSignUpAttempt } from '@/contributions/accounts'
import { requestPublicOrigin } from '@/territories/publicOrigin'

/**
 * The account operations open to strangers answer the same whether or not an address has an
 * account (REST, GraphQL and the site's forms): no « un compte existe déjà », no faster
 * answer for an unknown address, no « compte bloqué » that only an existing account can get.
 */

const emailOf = (data: unknown): string | null => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null
}

/**
 * Login: an unknown address (or a locked account, which Payload refuses before checking the
 * password) costs one password hash too, like a wrong password on an existing account.
 */
export const hashAlikeOnLogin: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = emailOf(data)
  if (!email) return args
  const { docs } = await req.payload.find({
    collection: collection.slug as 'users',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  const user = docs[0] as { lockUntil?: string | null } | undefined
  const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (!user || locked) await hashDummyPassword(data?.password)
  return args
}

/** Thrown instead of creating an account whose address is taken; answered like a creation. */
class SignUpReceived extends APIError {
  constructor(readonly email: string) {
    super('Inscription reçue.', 201)
    this.name = 'SignUpReceived'
  }
}

/** An API request without an account (the server's own calls override access, e.g. the first administrator's sign-up). */
const isStranger = (req: { user?: unknown; payloadAPI?: string }, args: unknown) =>
  !req.user && req.payloadAPI !== 'local' && (args as { overrideAccess?: boolean } | undefined)?.overrideAccess !== true

/** What a stranger may send to sign up through REST: a name, an address and a password. */
const strangerSignUp = z.object({
  name: z.string({ error: 'Ce champ est obligatoire.' }).trim().min(1, { error: 'Ce champ est obligatoire.' }).max(100, { error: 'Le nom ne doit pas dépasser 100 caractères.' }),
  email: z.string().trim().max(254, { error: 'Cette adresse e-mail est trop longue.' }).pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide.' })),
  password: z.string({ error: 'Ce champ est obligatoire.' }).min(1, { error: 'Ce champ est obligatoire.' }),
})

/**
 * Sign-up by a stranger through the API. GraphQL is refused (the site's form and REST do it);
 * on REST, a taken address gets the answer of a creation after the same password hash, and its
 * owner an e-mail « quelqu'un a tenté de créer un compte avec votre adresse ».
 */
export const signUpAlike: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'create' || !isStranger(req, args)) return args
  if (req.payloadAPI === 'GraphQL') {
    throw new APIError('Inscription : utilisez le formulaire « Créer un compte » du site (ou l’API REST).', 403)
  }
  const data = (args as { data?: { email?: unknown; name?: unknown; password?: unknown } }).data
  const email = emailOf(data)
  if (!email) return args
  // What Payload would refuse is refused before the address is looked up, so that a taken and
  // a free address get the same error; any other key is dropped (roles, territory…), so that
  // nothing else can fail for one and not the other.
  const checked = strangerSignUp.safeParse(data)
  if (!checked.success) {
    throw new ValidationError({ collection: collection.slug, errors: checked.error.issues.map((issue) => ({ path: String(issue.path[0] ?? ''), message: issue.message })) }, req.t)
  }
  const { docs } = await req.payload.find({ collection: collection.slug as 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, req })
  const owner = docs[0]
  if (!owner) return { ...args, data: checked.data }
  await hashDummyPassword(checked.data.password)
  await warnOwnerOfSignUpAttempt(req.payload, owner, { origin: await requestPublicOrigin(req.payload, req.headers), territoryName: null })
  throw new SignUpReceived(email)
}

/** What a stranger learns of a sign-up through REST: the address, nothing else (no id). */
const signUpAnswer = (email: string) => ({ doc: { email } })

export const hideCreatedAccount: CollectionAfterOperationHook = ({ args, operation, req, result }) => {
  if (operation !== 'create' || !isStranger(req, args) || req.payloadAPI !== 'REST') return result
  return signUpAnswer(String((result as { email?: unknown }).email ?? '')).doc as typeof result
}

/** The answers of the two alike cases above, and « locked » told as « incorrect ». */
export const sameAnswerErrors: CollectionAfterErrorHook = ({ error, req }) => {
  if (error instanceof SignUpReceived || error.name === 'SignUpReceived') {
    const message = req.t('general:successfullyCreated', { label: 'Utilisateur' })
    return { status: 201, response: { ...signUpAnswer((error as SignUpReceived).email), message } }
  }
  if (error.name === 'LockedAuth' && !req.user) {
    return { status: 401, response: { errors: [{ message: new AuthenticationError(req.t).message }] } }
  }
}

/**
 * GraphQL errors skip the collection's afterError hooks: there too, a stranger's login on a
 * locked account gets the answer of a wrong password (`loginUser`).
 */
export const sameAnswerGraphqlErrors: AfterErrorHook = ({ graphqlResult, req }) => {
  if (!graphqlResult || req.user || graphqlResult.extensions?.name !== 'LockedAuth') return
  const wrong = new AuthenticationError(req.t)
  return { graphqlResult: { ...graphqlResult, message: wrong.message, extensions: { ...graphqlResult.extensions, name: 'AuthenticationError', statusCode: wrong.status } } }
}

const forgotBody = z.object({ email: z.string().trim().min(3).max(254) })

/**
 * REST « mot de passe oublié », in place of Payload's: answers at once, the same for every
 * address; the token and the e-mail are made after the answer (see requestPasswordResetInBackground).
 */
export const forgotPasswordAlike: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const body = forgotBody.safeParse(req.data ?? {})
    const headers = headersWithCors({ headers: new Headers(), req })
    if (!body.success) {
      return Response.json({ errors: [{ message: 'Indiquez l’adresse e-mail du compte, par exemple « prenom.nom@exemple.fr ».' }] }, { status: 400, headers })
    }
    requestPasswordResetInBackground(req.payload, body.data.email.toLowerCase(), { origin: await requestPublicOrigin(req.payload, req.headers), territoryName: null })
    return Response.json({ message: req.t('general:success') }, { status: 200, headers })
  },
}

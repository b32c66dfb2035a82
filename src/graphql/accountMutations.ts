import type * as GraphQL from 'graphql'
import type { PayloadRequest } from 'payload'

import { requestPasswordResetInBackground } from '@/contributions/accounts'
import { requestPublicOrigin } from '@/territories/publicOrigin'

/**
 * GraphQL `forgotPasswordUser` in place of Payload's, like the REST endpoint
 * (collections/Users/sameAnswer.ts): `true` at once for every address, the token and the
 * e-mail made after the answer, so that neither the answer nor its time tells that an
 * account exists. Built with the GraphQL copy Payload passes in.
 */
export function accountMutations(graphql: typeof GraphQL): Record<string, GraphQL.GraphQLFieldConfig<unknown, { req: PayloadRequest }>> {
  return {
    forgotPasswordUser: {
      type: new graphql.GraphQLNonNull(graphql.GraphQLBoolean),
      args: { email: { type: new graphql.GraphQLNonNull(graphql.GraphQLString) } },
      resolve: async (_source, args: { email?: unknown }, context) => {
        const email = typeof args.email === 'string' ? args.email.trim().toLowerCase() : ''
        if (email) requestPasswordResetInBackground(context.req.payload, email, { origin: await requestPublicOrigin(context.req.payload, context.req.headers), territoryName: null })
        return true
      },
    },
  }
}

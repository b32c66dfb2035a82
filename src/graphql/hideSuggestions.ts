import type { ASTVisitor, ValidationRule } from 'graphql'
import type { AfterErrorHook } from 'payload'

/**
 * graphql-js appends « Did you mean "email"? » to its validation and variable errors: a
 * stranger learns the names of fields, types and arguments by misspelling them. In
 * production the suggestion is cut from every GraphQL error message.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '')
}

const hiding = (env: Record<string, string | undefined> = process.env) => env.NODE_ENV === 'production'

type ReportingContext = { reportError: (error: { message: string }) => void }

/**
 * A validation « rule » that checks nothing: it wraps the shared validation context so that
 * the errors every other rule reports lose their suggestion (graphql-http answers validation
 * errors directly, without Payload's error hooks). Rules are all built before the document
 * is visited, so the wrapper is in place for every report.
 */
export function hideSuggestionsRule(context: ReportingContext): ASTVisitor {
  if (!hiding()) return {}
  const report = context.reportError.bind(context)
  context.reportError = (error) => {
    error.message = withoutSuggestions(error.message)
    report(error)
  }
  return {}
}

/** Execution errors (variables of the wrong shape) go through Payload's afterError hooks. */
export const hideGraphqlSuggestions: AfterErrorHook = ({ graphqlResult }) => {
  if (!graphqlResult || !hiding()) return
  const message = (graphqlResult as { message?: unknown }).message
  if (typeof message !== 'string' || !message.includes('Did you mean')) return
  return { graphqlResult: { ...graphqlResult, message: withoutSuggestions(message) } }
}

export const hideSuggestionsRules = (): ValidationRule[] => [hideSuggestionsRule as unknown as ValidationRule]

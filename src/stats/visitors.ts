/**
 * Which requests count as a visit: not a browser prefetch (the link was not followed yet),
 * not a crawler or a monitoring robot. Headers only, nothing is kept about the visitor.
 */
const ROBOT_AGENTS = /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor|uptime|curl\/|wget\/|python-requests|httpclient|go-http-client|lighthouse/i

type HeaderReader = { get(name: string): string | null }

export function isPrefetch(headers: HeaderReader): boolean {
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-purpose') ?? ''} ${headers.get('x-moz') ?? ''}`
  return /prefetch|prerender|preview/i.test(purpose) || headers.get('next-router-prefetch') !== null
}

export function isRobot(headers: HeaderReader): boolean {
  const agent = headers.get('user-agent')
  return !agent || ROBOT_AGENTS.test(agent)
}

/** Whether a page request is a person's visit worth counting. */
export function isCountableVisit(headers: HeaderReader): boolean {
  return !isPrefetch(headers) && !isRobot(headers)
}

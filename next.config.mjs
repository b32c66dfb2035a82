import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev` and the production build must never share a folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  compress: true,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: process.env.SKIP_TYPECHECK === '1' },
  eslint: { ignoreDuringBuilds: true },
  serverExternalPackages: ['sharp', 'pino', 'pino-pretty', 'pdfkit'],
  // Each route's code is loaded when it is first asked for, not all at start: a server that
  // only answers the public site never holds the admin's (see docs/benchmarks.md, memory).
  experimental: { preloadEntriesOnStart: false },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

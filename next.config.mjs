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
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

/** Payload's file sizes are English (« 616 bytes ») with no translation key: ours are French. */
const FRENCH_FILESIZE = fileURLToPath(new URL('./src/i18n/formatFilesize.js', import.meta.url))

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
  webpack: (config, { webpack }) => {
    config.plugins.push(new webpack.NormalModuleReplacementPlugin(/[\\/]payload[\\/]dist[\\/]uploads[\\/]formatFilesize\.js$/, FRENCH_FILESIZE))
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

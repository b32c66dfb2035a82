import net from 'node:net'

/**
 * A TCP port nobody listens on right now, chosen by the system: files that start a server of
 * their own outside `npm test` (which hands out ports) do not collide with another run.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

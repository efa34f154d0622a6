// A TCP relay in front of the test Neo4j that a test can cut and restore: the
// API's driver sees exactly what it sees when Neo4j goes away — open
// connections reset, new ones refused — and the real Neo4j behind stays up
// for the other test files, so an outage costs no Neo4j restart.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CutProxy {
  /** bolt://127.0.0.1:<port> of the relay. */
  uri: string;
  /** Resets every open connection and refuses new ones until `restore`. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCutProxy(target: string): Promise<CutProxy> {
  const { hostname, port: targetPort } = new URL(target.replace(/^\w+(\+\w+)?:/, 'http:'));
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | null = null;

  const listen = () =>
    new Promise<void>((done, fail) => {
      const s = createServer((client) => {
        const upstream = connect(Number(targetPort), hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', fail);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        done();
      });
    });
  const stop = () =>
    new Promise<void>((done) => {
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
      if (!server) return done();
      server.close(() => done());
      server = null;
    });

  await listen();
  return { uri: `bolt://127.0.0.1:${port}`, cut: stop, restore: listen, close: stop };
}

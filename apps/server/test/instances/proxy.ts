// A small reverse proxy for the several-instances test: round-robin over Loa's servers, as a load balancer would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  name: string;
  port: number;
}

export interface Proxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The upstream that answered each request, in order. */
  served: string[];
  close(): Promise<void>;
}

/** The header naming the instance that answered (added by the proxy, never by Loa). */
export const UPSTREAM_HEADER = 'x-test-upstream';

/**
 * Starts the proxy on a random loopback port. Each request goes to the next upstream in turn; the client's address
 * is appended to X-Forwarded-For (the servers run with LOA_TRUST_PROXY=true, as behind a real balancer).
 */
export async function startProxy(upstreams: Upstream[]): Promise<Proxy> {
  let next = 0;
  const served: string[] = [];
  const server = http.createServer((request, response) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    served.push(upstream.name);
    const forwarded = request.headers['x-forwarded-for'];
    const client = request.socket.remoteAddress ?? '127.0.0.1';
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, 'x-forwarded-for': forwarded ? `${String(forwarded)}, ${client}` : client },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, [UPSTREAM_HEADER]: upstream.name });
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (!response.headersSent)
        response.writeHead(502, { 'content-type': 'text/plain', [UPSTREAM_HEADER]: upstream.name });
      response.end(`proxy: ${upstream.name} did not answer: ${error.message}`);
    });
    request.pipe(outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

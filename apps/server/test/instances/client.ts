// A tiny HTTP client for tests against real Loa processes: a session cookie and its CSRF token, sent on every request.
export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

export interface HttpSession {
  cookie: string;
  csrfToken: string;
  request(
    base: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
}

export async function send(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const raw = body instanceof Buffer;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    body: bytes,
    json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
  };
}

/** Logs in at `base`; the session then works on any instance given to `request`. */
export async function logIn(base: string, username: string, password: string): Promise<HttpSession> {
  const answer = await send(base, 'POST', '/api/auth/login', { username, password });
  if (answer.status !== 200) throw new Error(`login of ${username} failed: ${answer.status} ${answer.body.toString()}`);
  const cookie = /loa_session=[^;]+/.exec(answer.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('login set no session cookie');
  const { csrfToken } = answer.json<{ csrfToken: string }>();
  return {
    cookie,
    csrfToken,
    request: (target, method, path, body, headers = {}) =>
      send(target, method, path, body, {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...headers,
      }),
  };
}

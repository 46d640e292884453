// The one way the client talks to /api: same-origin session cookie, JSON, CSRF header, typed errors.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from a Retry-After header (429, 503), when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: Promise<string> | null = null;

function csrf(): Promise<string> {
  csrfToken ??= request<{ token: string }>('GET', '/auth/csrf').then(
    (r) => r.token,
    (e: unknown) => {
      csrfToken = null;
      throw e;
    },
  );
  return csrfToken;
}

/** The token belongs to the session: forget it whenever the session may have changed (login, logout, register). */
export function resetCsrf(): void {
  csrfToken = null;
}

const unauthenticatedListeners = new Set<() => void>();

/** Called when any request finds the session gone, so the app can show the sign-in page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const retryAfter = Number(res.headers.get('Retry-After') ?? NaN);
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : res.statusText;
    return new ApiError(res.status, error.code, message, error.details, retryAfterSeconds);
  }
  return new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`, undefined, retryAfterSeconds);
}

async function send(method: Method, path: string, body: unknown, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = await csrf();
  try {
    return await fetch(url(path, opts.query), { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : 'Network error');
  }
}

/** `path` is relative to /api, e.g. `/complaints`. Resolves with the parsed JSON body (undefined for 204). */
export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, body, opts);
  if (res.status === 403 && method !== 'GET') {
    const err = await toError(res.clone());
    // The session (and its token) may have been replaced since we fetched the token; one fresh try.
    if (err.code === 'csrf_invalid') {
      resetCsrf();
      res = await send(method, path, body, opts);
    }
  }
  if (!res.ok) {
    const err = await toError(res);
    if (err.status === 401 && err.code === 'unauthenticated') unauthenticatedListeners.forEach((l) => l());
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

// Two parts of a page that need the same data at once (two store pickers) share one request.
const inflight = new Map<string, Promise<unknown>>();

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

function sharedGet<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if (opts.headers) return request<T>('GET', path, undefined, opts);
  const key = url(path, opts.query);
  let p = inflight.get(key) as Promise<T> | undefined;
  if (!p) {
    p = request<T>('GET', path, undefined, { query: opts.query }).finally(() => inflight.delete(key));
    inflight.set(key, p);
    // Every caller may have aborted; the shared request's failure is theirs to see, not an unhandled one.
    p.catch(() => undefined);
  }
  return opts.signal ? abortable(p, opts.signal) : p;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => sharedGet<T>(path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD } from './server.js';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A browser-like API client: keeps the session cookie and sends the CSRF token on writes. */
export class ApiClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(public baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      payload = body;
      h['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    if (method !== 'GET' && this.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    const r = await fetch(this.baseUrl + '/api' + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON (CSV, files) */
    }
    return { status: r.status, body: parsed as T, headers: r.headers, text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }

  async fetchCsrf(): Promise<string> {
    const r = await this.get<{ token: string }>('/auth/csrf');
    this.csrf = r.body.token;
    return this.csrf;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<Res> {
    if (!this.csrf) await this.fetchCsrf();
    const r = await this.post('/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${r.text}`);
    return r;
  }

  /** A socket.io connection carrying this client's session cookie. */
  socket(): Socket {
    return io(this.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: this.cookieHeader() },
      reconnection: false,
      forceNew: true,
    });
  }
}

/** A signed-in client for a demo account. */
export async function signedIn(baseUrl: string, email: string): Promise<ApiClient> {
  const c = new ApiClient(baseUrl);
  await c.login(email);
  return c;
}

export const DEMO = {
  admin: 'admin@demo.fangxin.cn',
  consumer: 'consumer@demo.fangxin.cn',
  merchant: 'merchant@demo.fangxin.cn',
  shop: 'shop@demo.fangxin.cn',
  regulatorHz: 'regulator.hz@demo.fangxin.cn',
  regulatorYw: 'regulator.yw@demo.fangxin.cn',
  regulatorZj: 'regulator.zj@demo.fangxin.cn',
} as const;

/** Resolves with the first `event` the socket receives, or rejects after `ms`. */
export function nextEvent<T = any>(socket: Socket, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (p: T) => (clearTimeout(t), resolve(p)));
  });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

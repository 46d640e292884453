// The OpenAPI document as a list of routes, and a signed-in client per role: the machinery of the
// tests that walk every endpoint (fuzz, response contract).
import { ApiClient, DEMO } from './http.js';

export type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
export interface Param {
  name: string;
  in: 'query' | 'path' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface Route {
  method: string;
  /** Without the /api prefix, parameters in OpenAPI spelling (`/complaints/{id}`). */
  path: string;
  query: string[];
  params: Param[];
  body?: Schema;
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export const ROLES = ['signed out', 'consumer', 'merchant', 'regulator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const LOGINS: Record<Role, string | null> = {
  'signed out': null,
  consumer: DEMO.consumer,
  merchant: DEMO.merchant,
  regulator: DEMO.regulatorHz,
  admin: DEMO.admin,
};

export function routesOf(doc: OpenApiDoc): Route[] {
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      routes.push({
        method,
        path: path.replace(/^\/api/, ''),
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        params: params.filter((p) => p.in === 'path'),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return routes;
}

/** One client per role, each with its CSRF token and (but the signed-out one) signed in. */
export async function roleClients(url: string): Promise<Map<Role, ApiClient>> {
  const clients = new Map<Role, ApiClient>();
  for (const role of ROLES) {
    const c = new ApiClient(url);
    await c.fetchCsrf();
    if (LOGINS[role]) await c.login(LOGINS[role]!);
    clients.set(role, c);
  }
  return clients;
}

// One declaration per endpoint: its path, policy, request schemas and response. Mounting it applies
// the policy and the zod validation, and the same declaration feeds the OpenAPI document.
import type { Request, Response, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { authorize, type Actor, type PolicyAction } from '../policies/index.js';
import { registry, errorBody } from '../openapi/registry.js';
import { rateLimit, type Bucket } from './rateLimit.js';
import { parse } from './validate.js';
import { contractIssues } from '../../shared/contract.js';
import { logger } from '../logger.js';
import { AppError } from './errors.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Ctx<B, Q, P> {
  req: Request;
  res: Response;
  actor: Actor | null;
  body: B;
  query: Q;
  params: P;
}

export interface EndpointSpec<B extends z.ZodTypeAny, Q extends z.ZodTypeAny, P extends z.ZodTypeAny, R extends z.ZodTypeAny> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  policy: PolicyAction;
  body?: B;
  query?: Q;
  params?: P;
  /** What a success answers (every JSON endpoint): the handler's return type, checked outside production. */
  response?: R;
  status?: number;
  /** The abuse limit this endpoint counts against; state-changing endpoints default to `write`. */
  rateLimit?: Bucket | false;
  /** Middleware that must run before validation (e.g. multipart parsing). */
  before?: RequestHandler[];
  /** Raw responses (files, CSV): the handler writes the response itself. */
  raw?: boolean;
}

export interface Endpoint {
  mount(router: Router): void;
}

export function actorOf(req: Request): Actor | null {
  return (req.user as Actor | undefined) ?? null;
}

const documented = new Set<string>();

/** The declared response of each `METHOD /api/path` (OpenAPI spelling), for the contract test. */
export const responseSchemas = new Map<string, z.ZodTypeAny>();

const checked = process.env.NODE_ENV !== 'production';

/**
 * Outside production every JSON answer is checked against its declared schema as it travels (after
 * JSON serialization), failing on a missing, mistyped or undeclared field: a presenter that drifts
 * from the contract fails the test that exercised it with a 500, the issues logged.
 */
function checkContract(key: string, schema: z.ZodTypeAny, result: unknown): void {
  const issues = contractIssues(schema, JSON.parse(JSON.stringify(result ?? {})));
  if (!issues.length) return;
  logger.error({ endpoint: key, issues }, 'response breaks its declared schema');
  // The issues in the answer itself (never in production): the failing test shows what drifted.
  throw new AppError(500, 'response_contract', `${key}: response breaks its declared schema: ${issues.slice(0, 10).join('; ')}`);
}

export function endpoint<
  B extends z.ZodTypeAny = z.ZodUnknown,
  Q extends z.ZodTypeAny = z.ZodUnknown,
  P extends z.ZodTypeAny = z.ZodUnknown,
  R extends z.ZodTypeAny = z.ZodUnknown,
>(spec: EndpointSpec<B, Q, P, R>, handler: (ctx: Ctx<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<z.infer<R>> | z.infer<R>): Endpoint {
  const status = spec.status ?? (spec.method === 'post' ? 201 : 200);
  const key = `${spec.method} ${spec.path}`;
  const apiPath = '/api' + spec.path.replace(/:(\w+)/g, '{$1}');
  if (spec.response) responseSchemas.set(`${spec.method.toUpperCase()} ${apiPath}`, spec.response);
  // Apps built more than once in a process (tests) describe each path once.
  if (!documented.has(key)) {
    documented.add(key);
    registry.registerPath({
      method: spec.method,
      path: apiPath,
      summary: spec.summary,
      tags: [spec.tag],
      request: {
        ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.query ? { query: spec.query as never } : {}),
        ...(spec.params ? { params: spec.params as never } : {}),
      },
      responses: {
        [status]: {
          description: 'Success',
          ...(spec.response ? { content: { 'application/json': { schema: spec.response } } } : {}),
        },
        '4XX': { description: 'Error', content: { 'application/json': { schema: errorBody } } },
      },
    });
  }

  const gate: RequestHandler = (req, _res, next) => {
    authorize(actorOf(req), spec.policy);
    next();
  };
  const run: RequestHandler = async (req, res) => {
    const actor = actorOf(req);
    // Later middleware (passport) reads req.body, so it must see the parsed, normalized value.
    if (spec.body) req.body = parse(spec.body, req.body ?? {});
    const ctx = {
      req,
      res,
      actor,
      body: req.body,
      query: spec.query ? parse(spec.query, req.query) : req.query,
      params: spec.params ? parse(spec.params, req.params) : req.params,
    };
    const result = await handler(ctx as Ctx<z.infer<B>, z.infer<Q>, z.infer<P>>);
    if (spec.raw || res.headersSent) return;
    if (checked && spec.response) checkContract(key, spec.response, result);
    // A handler may answer with another success status (e.g. 200 for an idempotent replay).
    res.status((res.locals.status as number | undefined) ?? status).json(result ?? {});
  };
  const bucket = spec.rateLimit ?? (spec.method === 'get' ? false : 'write');
  const limit = bucket ? [rateLimit(bucket)] : [];
  return {
    mount(router) {
      router[spec.method](spec.path, gate, ...limit, ...(spec.before ?? []), run);
    },
  };
}

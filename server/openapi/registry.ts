import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorBody } from '../../shared/schemas/common.js';

extendZodWithOpenApi(z);

export const registry = new OpenAPIRegistry();

type Document = ReturnType<OpenApiGeneratorV3['generateDocument']>;
let generated: { key: string; doc: Document } | null = null;

/**
 * Generated once per set of registered routes and kept: generating takes a tenth of a second of CPU
 * or more, which a flood of anonymous requests for /api/openapi.json would otherwise spend at will.
 */
export function openApiDocument(version: string): Document {
  const key = `${version}:${registry.definitions.length}`;
  if (generated?.key !== key) generated = { key, doc: generate(version) };
  return generated.doc;
}

function generate(version: string): Document {
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Fangxin 放心 API',
      version,
      description: 'Consumer complaints, no-reason returns and problem products for Zhejiang market regulation.',
    },
    servers: [{ url: '/api' }],
  });
}

export { errorBody };

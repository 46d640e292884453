import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorBody } from '../../shared/schemas/common.js';

extendZodWithOpenApi(z);

export const registry = new OpenAPIRegistry();

export function openApiDocument(version: string) {
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

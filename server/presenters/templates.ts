// What of a response template leaves the server: never its organisation or its editor's id.
import type { ResponseTemplate } from '../../shared/schemas/templates.js';
import type { ResponseTemplateRecord } from '../models/ResponseTemplate.js';

export const presentTemplate = (t: ResponseTemplateRecord): ResponseTemplate => ({
  id: String(t._id),
  name: t.name,
  body: t.body,
  updatedByName: t.updatedByName,
  updatedAt: new Date(t.updatedAt).toISOString(),
});

import type { DataAccess } from '../../shared/schemas/privacy.js';
import type { DataAccessRecord } from '../models/DataAccess.js';

export function presentAccess(r: DataAccessRecord): DataAccess {
  return {
    id: String(r._id),
    complaintId: String(r.complaintId),
    complaintNumber: r.complaintNumber,
    viewerName: r.viewerName,
    viewerRole: r.viewerRole as DataAccess['viewerRole'],
    ...(r.viewerOrg ? { viewerOrg: r.viewerOrg } : {}),
    what: r.what as DataAccess['what'],
    at: new Date(r.at).toISOString(),
  };
}

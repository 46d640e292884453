// The thresholds in force: the highest FlagRuleSet version, or the defaults before any edit.
import { DEFAULT_FLAG_RULES, flagRulesSchema, type FlagRules } from '../../shared/schemas/products.js';
import { now } from '../clock.js';
import { conflict } from '../http/errors.js';
import { FlagRuleSetModel } from '../models/FlagRuleSet.js';
import { firstWriter } from '../db/firstWriter.js';

export async function currentRules(): Promise<{ version: number; rules: FlagRules; at: Date | null }> {
  const latest = await FlagRuleSetModel.findOne().sort({ version: -1 }).lean();
  if (!latest) return { version: 0, rules: DEFAULT_FLAG_RULES, at: null };
  // A stored set from an older schema falls back per rule to the defaults.
  const parsed = flagRulesSchema.safeParse({ ...DEFAULT_FLAG_RULES, ...(latest.rules as object) });
  return { version: latest.version, rules: parsed.success ? parsed.data : DEFAULT_FLAG_RULES, at: latest.at };
}

/** Stores a new version; an edit made against an older version than the current one is a 409. */
export async function saveRules(rules: FlagRules, actorId: string, expectedVersion?: number) {
  const cur = await currentRules();
  if (expectedVersion !== undefined && expectedVersion !== cur.version)
    throw conflict('version_conflict', 'The rules were changed meanwhile; reload them');
  if (!(await firstWriter(FlagRuleSetModel.create({ version: cur.version + 1, rules, actorId, at: now() }))))
    throw conflict('version_conflict', 'The rules were changed meanwhile; reload them');
  return currentRules();
}

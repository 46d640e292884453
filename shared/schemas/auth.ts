import { z } from 'zod';
import { LOCALES, ROLES, ACCOUNT_STATUSES } from '../enums.js';
import { isValidCreditCode } from '../creditCode.js';
import { objectId } from './common.js';

const email = z.string().trim().toLowerCase().email('must be an email address').max(200);
const password = z.string().min(10, 'must be at least 10 characters').max(200);

export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, 'must be an 18-character unified social credit code with a valid check character');

export const registerSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    email,
    password,
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{6,20}$/, 'must be a phone number')
      .optional(),
    locale: z.enum(LOCALES).optional(),
    role: z.enum(['consumer', 'merchant']).default('consumer'),
    merchant: z
      .object({
        name: z.string().trim().min(2).max(120),
        creditCode,
        countyCode: z
          .string()
          .regex(/^33\d{4}$/)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => v.role !== 'merchant' || v.merchant, {
    message: 'merchant details are required for a merchant account',
    path: ['merchant'],
  });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({ email, password: z.string().min(1).max(200) }).strict();
export type LoginInput = z.infer<typeof loginSchema>;

/** Ask for a single-use sign-in link by mail (works while the account is locked). */
export const signInLinkSchema = z.object({ email }).strict();
export const redeemSignInLinkSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from the link') })
  .strict();

export const updateMeSchema = z.object({ locale: z.enum(LOCALES).optional(), name: z.string().trim().min(1).max(80).optional() }).strict();

export const userSchema = z.object({
  id: objectId,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES),
  locale: z.enum(LOCALES),
  orgId: objectId.optional(),
  orgName: z.string().optional(),
  regionCode: z.string().optional(),
  /** Merchant staff of one store (absent: headquarters, all stores). */
  storeId: objectId.optional(),
  storeName: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

export const csrfSchema = z.object({ token: z.string() });
export const userBody = z.object({ user: userSchema });

export const approvalSchema = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(500).optional() }).strict();

/** A merchant account waiting for approval, with its organization. */
export const pendingMerchantSchema = z.object({
  id: objectId,
  name: z.string(),
  email: z.string(),
  createdAt: z.string(),
  merchant: z.object({ id: objectId, name: z.string(), creditCode: z.string(), regionCode: z.string() }),
});
export type PendingMerchant = z.infer<typeof pendingMerchantSchema>;
export const pendingMerchantList = z.object({ items: z.array(pendingMerchantSchema) });
export const approvalResult = z.object({ id: objectId, status: z.enum(ACCOUNT_STATUSES) });

// Pausing a complaint's deadline for testing, inspection or appraisal (shared/deadlines.ts): the bureau
// pauses and resumes; the merchant asks for its response deadline to be paused and the bureau decides.
import { z } from 'zod';
import { PAUSE_REASONS } from '../deadlines.js';

const expectedVersion = z.number().int().min(1);
const note = z.string().trim().max(1000).optional();

/** The bureau pauses the current deadline (approving the merchant's request when one is pending). */
export const pauseDeadlineSchema = z.object({ expectedVersion, reason: z.enum(PAUSE_REASONS), note }).strict();
export type PauseDeadlineInput = z.infer<typeof pauseDeadlineSchema>;

/** The bureau resumes a paused deadline: it moves by the working days of the pause. */
export const resumeDeadlineSchema = z.object({ expectedVersion }).strict();
export type ResumeDeadlineInput = z.infer<typeof resumeDeadlineSchema>;

/** The merchant asks the bureau to pause its response deadline. */
export const requestPauseSchema = z.object({ expectedVersion, reason: z.enum(PAUSE_REASONS), note }).strict();
export type RequestPauseInput = z.infer<typeof requestPauseSchema>;

/** The bureau refuses the merchant's request; the deadline keeps running. */
export const declinePauseSchema = z.object({ expectedVersion, reason: z.string().trim().max(1000).optional() }).strict();
export type DeclinePauseInput = z.infer<typeof declinePauseSchema>;

/** What the viewer may do with the current deadline now (buttons). */
export const DEADLINE_ACTIONS = ['pause', 'resume', 'request_pause', 'decline_pause_request'] as const;
export type DeadlineAction = (typeof DEADLINE_ACTIONS)[number];

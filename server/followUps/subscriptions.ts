// Each sampling import opens the follow-ups of its failed results and closes those its results re-sample.
// A failed handler is logged by the bus; the follow-up job's sweep opens what it missed.
import { subscription } from '../events/bus.js';
import { followImported } from './followUps.js';

export const followUpSubscriptions = [subscription('sampling.imported', ({ resultIds }) => followImported(resultIds))];

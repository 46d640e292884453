// Registers every periodic job with the scheduler.
import './sweep.js';
import './returnDeadlines.js';
import './flagDetection.js';
import './complaintDeadlines.js';
import './outbox.js';
import './countSeal.js';

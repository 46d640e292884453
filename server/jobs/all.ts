// Registers every periodic job with the scheduler.
import './sweep.js';

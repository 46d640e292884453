import { pino } from 'pino';

// Personal data and secrets never reach the logs, whatever a handler logs.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: {
    paths: [
      'password',
      '*.password',
      'req.headers.cookie',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
      'email',
      '*.email',
      'phone',
      '*.phone',
    ],
    censor: '[redacted]',
  },
});

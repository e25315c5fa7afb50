import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(options: { level: string; name?: string }): Logger {
  return pino({
    name: options.name ?? "crossdock",
    level: options.level,
    // Secrets never reach the log, whatever a caller passes in.
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "password",
        "*.password",
        "secret",
        "*.secret",
        "token",
        "*.token",
      ],
      censor: "[redacted]",
    },
  });
}

// Errors travel as values: only error.message survives an Electron IPC rejection, so nothing is thrown across.
interface AppErrorShape {
  /** Stable English identifier other code and tests rely on. */
  code: string;
  /** Chinese, for people: what is wrong, where, and what to do. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** An expected failure with a stable code and a Chinese message. Services throw it; dispatch() turns it into a value. */
export class AppError extends Error {
  readonly code: string;
  readonly details?: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

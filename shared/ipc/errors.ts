// Stable error codes. Add new ones here so every layer names them the same way.
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  UNKNOWN_METHOD: 'UNKNOWN_METHOD',
  /** A call from a page or process that is not ours (web host token/Origin/Host, Electron sender). */
  FORBIDDEN: 'FORBIDDEN',
  /** The renderer cannot reach the host (the web host was closed). */
  HOST_UNREACHABLE: 'HOST_UNREACHABLE',
  INTERNAL: 'INTERNAL',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** The same record is already registered; the caller may confirm and send again (e.g. a repeated application). */
  DUPLICATE: 'DUPLICATE',
  IN_USE: 'IN_USE',
  NOT_READY: 'NOT_READY',
  DB_DAMAGED: 'DB_DAMAGED',
  DB_TOO_NEW: 'DB_TOO_NEW',
  DB_MIGRATION_FAILED: 'DB_MIGRATION_FAILED',
  /** Another copy of the workstation (another window, PC or the CLI) writes this data file: it says who, since when. */
  DB_IN_USE: 'DB_IN_USE',
  /** This copy opened the data file read-only (another one writes it): a change was refused. */
  READ_ONLY: 'READ_ONLY',
  /** A write met a data file busy with another program's write for longer than the wait allows. */
  DB_BUSY: 'DB_BUSY',
  /** The data file was replaced under this copy, or its write lock was taken over: writing stopped, reopen. */
  DB_REPLACED: 'DB_REPLACED',
  BACKUP_INVALID: 'BACKUP_INVALID',
  BACKUP_FAILED: 'BACKUP_FAILED',
  FILE_LOCKED: 'FILE_LOCKED',
  FILE_WRITE_FAILED: 'FILE_WRITE_FAILED',
  FILE_READ_FAILED: 'FILE_READ_FAILED',
  FILE_EMPTY: 'FILE_EMPTY',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FILE_TYPE_MISMATCH: 'FILE_TYPE_MISMATCH',
  FILE_UNSUPPORTED: 'FILE_UNSUPPORTED',
  FILE_DAMAGED: 'FILE_DAMAGED',
  FILE_ENCRYPTED: 'FILE_ENCRYPTED',
  ZIP_BOMB: 'ZIP_BOMB',
  /** Reading a file was stopped: it took longer or needed more memory than any real document does. */
  FILE_TOO_COMPLEX: 'FILE_TOO_COMPLEX',
  IMPORT_ROWS_INVALID: 'IMPORT_ROWS_INVALID',
  NO_ITEMS: 'NO_ITEMS',
  TOO_MANY_ITEMS: 'TOO_MANY_ITEMS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

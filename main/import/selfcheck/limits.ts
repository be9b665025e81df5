// Apart from the readers, so the CLI checks a file's size without loading them on its own thread.

/** A 细则 is a few hundred KB; a file above this is refused before it is read. */
export const MAX_INDICATOR_FILE_BYTES = 20 * 1024 * 1024;

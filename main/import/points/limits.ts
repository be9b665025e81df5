// Limits on what an import accepts. A 工作要点 file is a few hundred KB at most; these leave ample room while
// keeping a damaged or hostile file from freezing the workstation.

/** Largest file accepted for import (a 50 MB file is refused before it is read); shared so the screen checks first. */
export { MAX_POINTS_FILE_BYTES } from '../../../shared/domain/points-text';
/** Largest pasted text, in characters. */
export const MAX_PASTE_CHARS = 2_000_000;
/** Sum of the uncompressed sizes a .docx/.xlsx may declare (zip bomb guard). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Largest single part inside a .docx/.xlsx that is inflated. */
export const MAX_PART_BYTES = 60 * 1024 * 1024;
/** Compression ratio above which a large part is treated as a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries in a .docx/.xlsx zip. */
export const MAX_ZIP_ENTRIES = 5_000;
/** Items in one document. */
export const MAX_POINT_ITEMS = 3_000;
// Row, cell and merged-range limits of spreadsheets: ../xlsx-read.ts.

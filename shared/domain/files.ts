import { z } from 'zod';

/** A file the user picked or dropped, carried over IPC as base64 (both hosts use the same shape). */
export const uploadSchema = z.object({
  fileName: z.string().min(1, '缺少文件名').max(255, '文件名过长'),
  dataBase64: z.string(),
});
export type Upload = z.infer<typeof uploadSchema>;

/**
 * What became of a file the app produced. Paths to write never come from the renderer: the Electron host
 * asks with a save dialog and writes the file itself; the web host offers it as a one-time download.
 */
export const deliveredFileSchema = z.object({
  fileName: z.string(),
  status: z.enum(['saved', 'cancelled', 'download']),
  path: z.string().optional(),
  downloadUrl: z.string().optional(),
});
export type DeliveredFile = z.infer<typeof deliveredFileSchema>;

export const idSchema = z.number().int().positive();
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const yearSchema = z.number().int().min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');

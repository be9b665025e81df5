import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';

/** Where a pasted table (and the .txt of one) is said to be: ../grid/grid.ts names a grid's place for messages. */
export const PASTED_TABLE = '粘贴的表格';

/** The expected ways an import fails; each message says what is wrong and what to do. */
export const importErrors = {
  empty: (name: string) =>
    new AppError(
      ErrorCode.FILE_EMPTY,
      `文件“${name}”是空的，没有任何内容。请检查是否选错了文件，或重新从原处下载/保存后再导入。`,
    ),
  tooLarge: (name: string, bytes: number, limit: number) =>
    new AppError(
      ErrorCode.FILE_TOO_LARGE,
      `文件“${name}”有 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${Math.round(limit / 1024 / 1024)} MB。工作要点文件通常不到 1 MB，请确认选对了文件；如文件中有大量图片，请删除图片后另存再导入，或复制文字粘贴导入。`,
    ),
  mismatch: (name: string, ext: string, actual: string, todo: string) =>
    new AppError(ErrorCode.FILE_TYPE_MISMATCH, `文件“${name}”的扩展名是 ${ext}，但内容实际是${actual}。${todo}`),
  unsupported: (name: string, what: string, todo: string) =>
    new AppError(ErrorCode.FILE_UNSUPPORTED, `文件“${name}”是${what}，暂不能直接导入。${todo}`),
  // The three below are also said by the other readers of .docx/.xlsx files (细则, 人员名单, 登记表, AB岗设置表: they
  // share the zip reader), so they speak of the file, not of 工作要点.
  damaged: (name: string, detail: string) =>
    new AppError(
      ErrorCode.FILE_DAMAGED,
      `文件“${name}”已损坏或不完整（${detail}），无法读取。请用 Word、Excel 或 WPS 打开该文件，确认能正常显示后“另存为”新的 .docx/.xlsx 再导入。`,
    ),
  encrypted: (name: string) =>
    new AppError(
      ErrorCode.FILE_ENCRYPTED,
      `文件“${name}”设置了打开密码（已加密），无法读取。请用 Word、Excel 或 WPS 输入密码打开后，在“文件—信息—保护文档”中取消密码并另存，再导入。`,
    ),
  zipBomb: (name: string, detail: string) =>
    new AppError(
      ErrorCode.ZIP_BOMB,
      `文件“${name}”解压后异常巨大（${detail}），为保护电脑已停止读取。正常的 Word、Excel 文件不会这样，请向来源重新索取文件。`,
    ),
  notText: (name: string) =>
    new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `文件“${name}”不是文本文件（内容是无法识别的二进制数据）。请确认选对了文件；如是 Word 或 Excel 文件，请把扩展名改回 .docx/.xlsx 或用原程序另存后导入。`,
    ),
  noItems: (name: string) =>
    new AppError(
      ErrorCode.NO_ITEMS,
      `在“${name}”中没有找到编号的工作要点条目（如“一、”“（一）”“1.”“（1）”“①”开头的段落）。请确认这是工作要点或分工表文件；如果编号是图片或文本框，请复制文字粘贴导入后手工调整。`,
    ),
  tooMany: (name: string, count: number, limit: number) =>
    new AppError(
      ErrorCode.TOO_MANY_ITEMS,
      `“${name}”中识别出 ${count} 个条目，超过上限 ${limit} 个，不像一份工作要点。请确认选对了文件，或把文件拆分后分别导入。`,
    ),
  /** A table alone gives more items than an import takes: where it is, how many rows it has, what to do. */
  tooManyInTable: (name: string, where: string, rows: number, limit: number) =>
    new AppError(
      ErrorCode.TOO_MANY_ITEMS,
      `“${name}”中的${where === PASTED_TABLE ? '表格' : where}有 ${rows} 行，识别出的条目超过一次导入的上限 ${limit} 个。工作要点分工表通常只有几十到几百行，请确认选对了文件；如确是分工表，请把它按类别拆成几个文件（每个不超过 ${limit} 行）后分别导入。`,
    ),
  noTable: (name: string) =>
    new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `在“${name}”中没有找到分工表的表头（需要有“序号”“工作任务”或“具体内容”“责任单位/牵头单位”“完成时限”等列名）。请检查表头行，或把表格内容复制粘贴导入。`,
    ),
};

// What to tell a person whose file is not the Office file a reader expects, said the same way by every reader of
// .xlsx/.docx files besides the 工作要点 one (which also takes text and says more): a password-protected file is
// encrypted (not "an old .xls"), an old binary Office file is old, a text file is text (not "damaged"), a PDF is a
// PDF, and only what is none of these is damaged or unknown.
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { isEncryptedOoxml, sniffKind } from './points/sniff';

/**
 * Throws the right Chinese refusal when `data` is not a zip (every .xlsx and .docx is one); returns when it is.
 * `expected` names what the reader wants ("Excel 表格（.xlsx）", "Excel 表格（.xlsx）或 Word 文档（.docx）").
 */
export function refuseUnlessZip(fileName: string, data: Uint8Array, expected: string): void {
  const kind = sniffKind(data);
  if (kind === 'zip') return;
  const ext = (/\.([^.\\/]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const saveAs = `请用 Excel、Word 或 WPS 打开它，“另存为” ${expected} 后再导入。`;
  if (kind === 'empty')
    throw new AppError(ErrorCode.FILE_EMPTY, `文件“${fileName}”是空的（0 字节），请检查是否选错了文件。`);
  if (kind === 'ole') {
    if (isEncryptedOoxml(data))
      throw new AppError(
        ErrorCode.FILE_ENCRYPTED,
        `文件“${fileName}”设置了打开密码（已加密），无法读取。请用 Excel、Word 或 WPS 输入密码打开后取消密码并另存，再导入。`,
      );
    const old =
      ext === 'doc' || ext === 'wps' || ext === 'docx'
        ? '旧版 Word/WPS 文档（.doc/.wps 格式）'
        : ext === 'xls' || ext === 'et' || ext === 'xlsx'
          ? '旧版 Excel/WPS 表格（.xls/.et 格式）'
          : '旧版 Office 文档（.doc/.xls 等格式）';
    throw new AppError(ErrorCode.FILE_UNSUPPORTED, `文件“${fileName}”是${old}，不能直接导入。${saveAs}`);
  }
  if (kind === 'pdf')
    throw new AppError(
      ErrorCode.FILE_UNSUPPORTED,
      `文件“${fileName}”是 PDF 文件，其中的表格无法可靠读取。请向来源索取${expected}，或把表格复制到 Excel 中另存后再导入。`,
    );
  if (kind === 'text' || kind === 'html' || kind === 'rtf')
    throw new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `文件“${fileName}”的内容是${kind === 'html' ? '网页' : kind === 'rtf' ? ' RTF 文档' : '文本'}，不是 ${expected}。请确认选对了文件；如果它是从表格软件导出的，${saveAs}`,
    );
  if (kind === 'image')
    throw new AppError(ErrorCode.FILE_TYPE_MISMATCH, `文件“${fileName}”是图片，不是 ${expected}。请确认选对了文件。`);
  throw new AppError(
    ErrorCode.FILE_DAMAGED,
    `文件“${fileName}”已损坏或不是 ${expected}（内容无法识别）。请确认选对了文件；如果它能在 Excel、Word 或 WPS 中打开，${saveAs}`,
  );
}

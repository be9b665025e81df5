import type { StaffImportPreview } from '../../../shared/domain/org';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { AppContext } from '../workstation';

// TODO(issue 2): read the .xlsx, find columns by header, validate rows, commit in one transaction.
export async function previewStaffImport(_ctx: AppContext, _upload: Upload): Promise<StaffImportPreview> {
  throw new AppError(ErrorCode.FILE_UNSUPPORTED, '人员导入尚未完成。');
}
export async function commitStaffImport(_ctx: AppContext, _input: Upload & { createDepartments: string[] }): Promise<{ imported: number; createdDepartments: number }> {
  throw new AppError(ErrorCode.FILE_UNSUPPORTED, '人员导入尚未完成。');
}

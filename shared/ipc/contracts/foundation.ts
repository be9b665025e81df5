import { z } from 'zod';
import { auditEntrySchema } from '../../domain/audit';
import { backupContentSchema, backupInfoSchema } from '../../domain/backup';
import { deliveredFileSchema, idSchema, uploadSchema, yearSchema } from '../../domain/files';
import {
  bureauSchema,
  departmentNameSchema,
  departmentSchema,
  staffImportPreviewSchema,
  staffInputSchema,
  staffSchema,
  staffStatusSchema,
} from '../../domain/org';
import { workingDayOverrideSchema } from '../../domain/working-days';

const none = z.object({}).strict().optional();
const ok = z.object({ ok: z.literal(true) });

/** How this copy of the workstation holds the data file (one writer per file: main/db/writer-lock.ts). */
const accessSchema = z.object({
  /** write: this copy writes the file; read: opened read-only while another copy writes it; none: not opened. */
  mode: z.enum(['write', 'read', 'none']),
  /** Who writes the file when this copy does not, in Chinese (computer, program, user, since when); null: nobody. */
  writer: z.string().nullable(),
  /** The file is on a network share (what was found): used the one way SQLite supports there. */
  network: z.string().nullable(),
  /** A lock left by a crash that this copy took over when it opened the file, in Chinese. */
  tookOver: z.string().nullable(),
});

const appStatusSchema = z.object({
  /**
   * setup: database fine but no bureau yet; damaged/tooNew/migrationFailed: the database could not be used;
   * locked: another copy of the workstation writes the file (open read-only or retry); replaced: the file was
   * replaced under this copy, or its lock taken over, and writing stopped (reopen).
   */
  state: z.enum(['ready', 'setup', 'damaged', 'tooNew', 'migrationFailed', 'locked', 'replaced']),
  message: z.string().optional(),
  host: z.enum(['electron', 'web', 'cli']),
  appVersion: z.string(),
  dbPath: z.string(),
  backupDir: z.string(),
  schemaVersion: z.number().int().nullable(),
  year: yearSchema.nullable(),
  /** Every year some record belongs to (the header offers them all, besides this year and the next). */
  dataYears: z.array(z.number().int()),
  bureau: bureauSchema.nullable(),
  latestBackup: backupInfoSchema.nullable(),
  /** Stored settings that were unusable and fell back to their defaults (shown on the 数据与备份 screen). */
  settingWarnings: z.array(z.string()).optional(),
  access: accessSchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;

const calendarSettingsSchema = z.object({
  overrides: z.array(workingDayOverrideSchema),
  dueSoonDays: z.number().int(),
  packageYears: z.array(z.number().int()),
  coverage: z.array(z.object({ year: z.number().int(), source: z.enum(['package', 'overrides', 'none']) })),
  warning: z.string().nullable(),
});

export const foundationContract = {
  'app.status': { input: none, output: appStatusSchema },
  'app.setup': { input: z.object({ bureau: bureauSchema, year: yearSchema }), output: appStatusSchema },
  'app.setYear': { input: z.object({ year: yearSchema }), output: ok },
  /** Another copy writes the file: open it read-only here (every write refused, the screens say so). */
  'app.openReadOnly': { input: none, output: appStatusSchema },
  /** Opens the file again for writing: after it was replaced, when its writer has closed, or to retry a locked one. */
  'app.reopen': { input: none, output: appStatusSchema },
  'bureau.update': { input: bureauSchema, output: bureauSchema },
  'settings.getAll': { input: none, output: z.record(z.string(), z.string()) },
  'settings.set': { input: z.object({ key: z.string().min(1).max(80), value: z.string().max(2000) }), output: ok },

  'departments.list': {
    input: z.object({ includeInactive: z.boolean().default(true) }).optional(),
    output: z.array(departmentSchema),
  },
  'departments.create': { input: z.object({ name: departmentNameSchema }), output: departmentSchema },
  'departments.rename': { input: z.object({ id: idSchema, name: departmentNameSchema }), output: departmentSchema },
  'departments.reorder': { input: z.object({ ids: z.array(idSchema).min(1) }), output: ok },
  'departments.setActive': { input: z.object({ id: idSchema, active: z.boolean() }), output: departmentSchema },
  'departments.delete': { input: z.object({ id: idSchema }), output: ok },

  'staff.list': {
    input: z
      .object({
        search: z.string().max(50).optional(),
        departmentId: idSchema.optional(),
        status: staffStatusSchema.optional(),
      })
      .optional(),
    output: z.array(staffSchema),
  },
  'staff.create': { input: staffInputSchema, output: staffSchema },
  'staff.update': { input: staffInputSchema.extend({ id: idSchema }), output: staffSchema },
  'staff.delete': { input: z.object({ id: idSchema }), output: ok },
  'staff.importPreview': { input: uploadSchema, output: staffImportPreviewSchema },
  'staff.importCommit': {
    input: uploadSchema.extend({ createDepartments: z.array(z.string()).default([]) }),
    output: z.object({
      imported: z.number().int(),
      createdDepartments: z.number().int(),
      /** Rows of people already on the list, not imported again. */
      skipped: z.number().int().default(0),
      /** People already on the list whom the file says have left: marked 离岗. */
      left: z.number().int().default(0),
    }),
  },
  'staff.importTemplate': { input: none, output: deliveredFileSchema },
  /** The 人员名单 .xlsx (every person, 在岗 and 离岗), in the columns 'staff.importPreview' reads back. */
  'staff.export': { input: none, output: deliveredFileSchema },

  'backup.list': { input: none, output: z.array(backupInfoSchema) },
  'backup.create': { input: none, output: backupInfoSchema },
  /** `shared`: a backup in the folder all data files shared before; `confirmOtherBureau`: the user accepted another 单位's data. */
  'backup.restore': {
    input: z.object({
      fileName: z.string().min(1),
      shared: z.boolean().optional(),
      confirmOtherBureau: z.boolean().optional(),
    }),
    output: appStatusSchema,
  },
  /** A data file the user picked (a full copy from another PC, a backup kept elsewhere): verified, then restored. */
  'backup.restoreFile': {
    input: uploadSchema.extend({ confirmOtherBureau: z.boolean().optional() }),
    output: appStatusSchema,
  },
  /** Verifies a picked file like a restore would and says what it holds, for the confirmation (changes nothing). */
  'backup.inspectFile': {
    input: uploadSchema,
    output: z.object({
      content: backupContentSchema,
      sameFile: z.boolean().nullable(),
      currentBureau: z.string().nullable(),
      /** How it holds less than the current data (fewer records, an earlier last change); empty when it does not. */
      lessComplete: z.array(z.string()).optional(),
    }),
  },
  'backup.saveCopy': { input: none, output: deliveredFileSchema },
  /** Moves a data file on a network share to this computer's local disk (verified backup first); says where. */
  'backup.moveToLocal': {
    input: none,
    output: z.object({ from: z.string(), to: z.string(), backup: z.string() }),
  },

  'audit.list': {
    input: z.object({
      entity: z.string().min(1),
      entityId: idSchema.optional(),
      limit: z.number().int().max(500).default(100),
    }),
    output: z.array(auditEntrySchema),
  },
  'attachments.download': { input: z.object({ id: idSchema }), output: deliveredFileSchema },
  'calendar.get': { input: z.object({ year: yearSchema }), output: calendarSettingsSchema },
  'calendar.save': {
    input: z.object({
      overrides: z.array(workingDayOverrideSchema).max(1000),
      dueSoonDays: z.number().int().min(1).max(60),
    }),
    /** `recounted`: a sentence for every stored date counted again on the new calendar (an AB 备案 due date). */
    output: z.object({ ok: z.literal(true), recounted: z.array(z.string()) }),
  },
  /** Fills an empty database with a complete example year. */
  'demo.load': { input: z.object({}).strict().optional(), output: z.object({ summary: z.array(z.string()) }) },
} as const;

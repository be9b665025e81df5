// The method names, with no dependencies, so the sandboxed preload can import this file.
// Keep each area's block together; contract.ts checks both directions at compile time.
export const METHODS = [
  // foundation: app, bureau, settings, organisation, backups, audit
  'app.status', 'app.setup', 'app.setYear', 'bureau.update', 'settings.getAll', 'settings.set',
  'departments.list', 'departments.create', 'departments.rename', 'departments.reorder', 'departments.setActive',
  'departments.delete',
  'staff.list', 'staff.create', 'staff.update', 'staff.delete', 'staff.importPreview', 'staff.importCommit',
  'staff.importTemplate',
  'backup.list', 'backup.create', 'backup.restore', 'backup.restoreFile', 'backup.saveCopy',
  'audit.list', 'attachments.download',
  // points (上级要点)
  'points.preview', 'points.checkReplace', 'points.save', 'points.documents', 'points.document', 'points.updateDocument',
  'points.updateItem', 'points.deleteDocument',
  // plan (实施方案与任务)
  'plan.get', 'plan.save', 'plan.createSection', 'plan.renameSection', 'plan.deleteSection', 'plan.reorderSections', 'plan.unitMappings', 'plan.saveUnitMappings', 'plan.applyUnitMappings', 'plan.generate', 'plan.copyForward', 'plan.coverage', 'plan.pointOptions', 'plan.export', 'tasks.list', 'tasks.get', 'tasks.create', 'tasks.update', 'tasks.delete', 'tasks.setLead', 'tasks.reorder', 'tasks.addProgress', 'tasks.deleteProgress', 'tasks.due', 'calendar.get', 'calendar.save', 'demo.load',
  // team (AB岗, 培训)
  'team.settings', 'team.saveSettings', 'team.warnings', 'team.export',
  'ab.posts', 'ab.createPost', 'ab.updatePost', 'ab.setPostActive', 'ab.history', 'ab.assign', 'ab.endHolding', 'ab.change',
  'ab.changes', 'ab.file', 'ab.absences', 'ab.createAbsence', 'ab.deleteAbsence',
  'training.list', 'training.get', 'training.create', 'training.update', 'training.delete', 'training.addFile',
  'training.removeFile', 'training.requirement',
] as const;

export type Method = (typeof METHODS)[number];

const methodSet: ReadonlySet<string> = new Set(METHODS);
export function isMethod(name: string): name is Method {
  return methodSet.has(name);
}

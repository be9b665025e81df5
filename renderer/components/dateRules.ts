import type { FormRule } from 'antd';
import type { DateIssue, FieldPath } from '../../shared/domain/disclosure-dates';

const samePath = (a: FieldPath, b: FieldPath) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Form rules showing the date problems a pure rule finds (shared/domain/*-dates.ts) beside the field they concern: an
 * `error` in red that blocks saving (the service refuses the same), a `warning` in orange that lets it through.
 * `issues` reads the whole form at check time, so a field also reacts to the fields it depends on (list them in the
 * Form.Item's `dependencies`).
 */
export function dateIssueRules(issues: (values: Record<string, unknown>) => DateIssue[], path: FieldPath): FormRule[] {
  const rule =
    (level: DateIssue['level']): FormRule =>
    ({ getFieldsValue }) => ({
      warningOnly: level === 'warning',
      validator: async () => {
        const found = issues(getFieldsValue(true) as Record<string, unknown>).filter(
          (i) => i.level === level && samePath(i.field, path),
        );
        if (found.length) throw new Error(found[0].message);
      },
    });
  return [rule('error'), rule('warning')];
}

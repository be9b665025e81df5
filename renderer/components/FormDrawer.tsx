import { Drawer, type DrawerProps } from 'antd';
import { useEffect, useRef } from 'react';
import { focusFirstField } from './keyboard';

/**
 * A drawer holding a form (评分, 任务): it opens with the focus on the form's first field, as a FormDialog does, instead
 * of on the drawer itself (antd focuses its panel when it opens, so a field's autoFocus is taken away again and
 * typing went nowhere). The first field is the first of the drawer's first form (what stands above it — a
 * description, a select choosing what the records measure — is read, not typed into); the chosen radio button of a
 * group, a text area with the caret after its text (keyboard.ts focusFirstField). Not when the person is in one of
 * the drawer's fields already.
 *
 * Saving with Enter and asking before unsaved work is lost stay with the drawer, which knows its forms: Enter through
 * `isEnterToSave` on its form, closing through `useGuardedClose`, leaving through `useUnsavedLeave`.
 */
export function FormDrawer({
  ready = true,
  afterOpenChange,
  children,
  ...props
}: DrawerProps & {
  /** False while the form is still loading (hidden): the first field is focused once it shows. */
  ready?: boolean;
}) {
  const body = useRef<HTMLDivElement>(null);
  const open = props.open ?? false;
  const focus = () => {
    const root = body.current;
    focusFirstField(root?.querySelector<HTMLElement>('form') ?? root);
  };
  // A form that appears after the drawer has opened (loaded meanwhile) takes the focus when it shows.
  const opened = useRef(false);
  useEffect(() => {
    if (!open) opened.current = false;
    else if (ready && opened.current) focus();
  }, [open, ready]);
  return (
    <Drawer
      {...props}
      afterOpenChange={(isOpen) => {
        afterOpenChange?.(isOpen);
        opened.current = isOpen;
        if (isOpen && ready) focus();
      }}
    >
      <div ref={body}>{children}</div>
    </Drawer>
  );
}

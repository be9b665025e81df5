import { Modal, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAction } from '../hooks';
import { focusFirstField, isEnterToSave, isInField } from './keyboard';
import { useGuardedClose, useUnsavedLeave } from './unsaved';

/**
 * Height left for a dialog's body at the usual office screen (1366×768) and smaller: the body scrolls inside
 * itself so the buttons always stay on screen. The dialog sits 24px from the top; title and buttons take ~150px.
 */
export const DIALOG_BODY_STYLE = { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', overflowX: 'hidden' } as const;
export const DIALOG_TOP = 24;

/**
 * A dialog holding one form, with the keyboard and safety every form dialog needs: focus on the first field when it
 * opens; Enter in a plain text or number field or on a radio button saves, while Enter in a date picker, select or
 * cascader only confirms that picker (keyboard.ts isEnterToSave); the body scrolls while the buttons stay on screen; closing (×, Esc, 取消)
 * or leaving the screen (menu, back/forward, the year, closing the window) with changed fields asks 保存 / 不保存 /
 * 取消; a failed check scrolls to the first field in red; a refused save is shown, never thrown.
 * `onSave` does the work and returns the sentence to show on success; it closes the dialog itself (onDone).
 *
 * A required choice (a select such as 栏目 or 渠道) should open empty on a new record rather than on a default: the
 * user then sees "请选择…" beside it when saving with Enter, instead of a guess being stored unseen.
 */
export function FormDialog({
  title,
  form,
  onSave,
  onClose,
  children,
  okText = '保存',
  width,
  okDanger,
  guard = true,
  pending = false,
  firstField,
}: {
  title: ReactNode;
  form: FormInstance;
  onSave: () => Promise<string | void | undefined>;
  onClose: () => void;
  children: ReactNode;
  okText?: string;
  width?: number;
  okDanger?: boolean;
  /** Ask before discarding changed fields (default). */
  guard?: boolean;
  /** Something entered outside the form's fields (e.g. files picked) that closing would also discard. */
  pending?: boolean;
  /** The field to start in when it is not the first one (e.g. the first is a date already filled with today). */
  firstField?: string;
}) {
  const act = useAction();
  const guardedClose = useGuardedClose();
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // The values the dialog starts from: closing asks only when the fields differ from them (typing and undoing is no
  // change). Taken once the dialog has filled itself, right after the effects of its first render (the dialog that
  // renders this one fills its form in its own effect, which runs after this one: hence the microtask), and again
  // when it has finished opening if nobody has touched a field yet (a fill that took longer). Taken only then, what
  // was typed during the opening animation counted as the start and was closed away without a question.
  const opened = useRef<string | null>(null);
  const snapshot = () => JSON.stringify(form.getFieldsValue(true));
  useEffect(() => {
    queueMicrotask(() => {
      opened.current = snapshot();
    });
  }, []);
  const save = async () => {
    if (busy) return false;
    setBusy(true);
    try {
      const done = await act(onSave);
      // A field in red may be scrolled out of sight in a long dialog: bring the first one into view.
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (!done && first) form.scrollToField(first.name, { block: 'center' });
      return done;
    } finally {
      setBusy(false);
    }
  };
  const dirty = () => guard && (pending || (opened.current !== null && snapshot() !== opened.current));
  const close = () => guardedClose({ dirty: dirty(), save, close: onClose });
  useUnsavedLeave(dirty, save);
  return (
    <Modal
      open
      title={title}
      width={width}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
      okText={okText}
      okButtonProps={okDanger ? { danger: true } : undefined}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => void close()}
      afterOpenChange={(open) => {
        if (!open) return;
        if (!form.isFieldsTouched()) opened.current = snapshot();
        if (isInField(body.current)) return;
        if (firstField) form.focusField(firstField);
        else focusFirstField(body.current);
      }}
      destroyOnHidden
    >
      <div
        ref={body}
        onKeyDown={(e) => {
          if (isEnterToSave(e)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        {children}
      </div>
    </Modal>
  );
}

import type { KeyboardEvent } from 'react';

/** Input types a person types a line of text or a number into (not a checkbox, radio, file or colour). */
const PLAIN_INPUT_TYPES = new Set(['', 'text', 'number', 'search', 'email', 'tel', 'url', 'password']);

/**
 * Whether an Enter press in a form should save it: a plain Enter in a plain one-line text or number field, or on a
 * radio button (its choice is made with the arrow keys or Space, so Enter has nothing else to do: 评分等次 优/良/差 is
 * chosen and saved from the keyboard). Never in a text area (new line), while an input method is composing Chinese, or
 * in anything that opens a picker — a select, date picker, cascader, upload or their dropdowns — where Enter confirms
 * the picker's choice (a typed date, the highlighted option) and the form stays open.
 */
export function isEnterToSave(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return false;
  if (e.nativeEvent.isComposing || e.keyCode === 229) return false;
  const t = e.target as HTMLElement;
  const type = (t as HTMLInputElement).type;
  if (t.tagName !== 'INPUT' || !(PLAIN_INPUT_TYPES.has(type) || type === 'radio')) return false;
  if (t.getAttribute('role') === 'combobox' || t.hasAttribute('aria-haspopup')) return false;
  return !t.closest(
    '.ant-select, .ant-picker, .ant-cascader, .ant-upload, .ant-mentions, .ant-select-dropdown, .ant-picker-dropdown, .ant-cascader-dropdown',
  );
}

/** Whether the person is in one of root's fields already (typing, or a select open). */
export function isInField(root: HTMLElement | null): boolean {
  const active = document.activeElement;
  return !!root && !!active && root.contains(active) && active.matches('input, textarea, [contenteditable="true"]');
}

/**
 * The first field a person would type into, inside a dialog or drawer body; not when they are in one of its fields
 * already (one clicked while the dialog was still opening keeps the focus and what is being typed there). A text area
 * opened on text starts with the caret after it (focusAtEnd); in a group of radio buttons, the chosen one has the
 * focus (as Tab would give it), so the arrow keys move from the choice made.
 */
export function focusFirstField(root: HTMLElement | null): void {
  if (!root || isInField(root)) return;
  const fields = root.querySelectorAll<HTMLElement>(
    'input:not([type=hidden]):not([type=file]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly])',
  );
  for (const f of fields) {
    if (f.offsetParent !== null || f.getClientRects().length > 0) {
      const chosen =
        (f as HTMLInputElement).type === 'radio'
          ? f.closest('.ant-radio-group')?.querySelector<HTMLElement>('input[type=radio]:checked:not([disabled])')
          : null;
      if (f instanceof HTMLTextAreaElement) focusAtEnd(f);
      else (chosen ?? f).focus();
      return;
    }
  }
}

/**
 * Focuses a text field with the caret after its last character: an office worker opening a paragraph or a reason
 * already written goes on from its end (the browser's own focus() leaves the caret before the first character). The
 * last lines are scrolled into view in a text area taller than its box.
 */
export function focusAtEnd(field: HTMLInputElement | HTMLTextAreaElement): void {
  field.focus();
  const end = field.value.length;
  // Only text can hold a caret (a number field refuses it).
  if (field instanceof HTMLTextAreaElement || PLAIN_INPUT_TYPES.has(field.type)) {
    try {
      field.setSelectionRange(end, end);
    } catch {
      return;
    }
  }
  if (field instanceof HTMLTextAreaElement) field.scrollTop = field.scrollHeight;
}

/**
 * Tab leaves an open select without choosing anything (antd would silently take the highlighted first option);
 * choosing stays an explicit Enter or click. Installed once around the whole app (capture phase).
 */
export function tabNeverPicks(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const t = e.target as HTMLElement;
  const select = t.closest?.('.ant-select');
  if (!select || t.getAttribute('aria-expanded') !== 'true') return;
  e.stopPropagation();
  // What was typed to search goes too, as if nothing had been typed (the select keeps its previous value).
  const input = t as HTMLInputElement;
  if (input.value) {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/**
 * Tab goes from field to field: the small × that clears a filled select, date or search box (a real button in antd 6)
 * is no stop of its own, where what is typed next would be lost and Enter would empty the field just filled. It stays
 * a mouse click. Marked on each Tab (before the browser moves the focus), so a field drawn since is covered too.
 * Installed once around the whole app (capture phase), with tabNeverPicks.
 */
export function tabSkipsClearButtons(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const clears = (e.target as HTMLElement).ownerDocument.querySelectorAll<HTMLElement>(
    '.ant-select-clear:not([tabindex]), .ant-picker-clear:not([tabindex]), .ant-input-clear-icon:not([tabindex])',
  );
  for (const b of clears) b.tabIndex = -1;
}

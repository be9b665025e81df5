// A Tooltip that is built only once the pointer rests on its element (issue 22). Each antd Tooltip builds a trigger
// with hooks, effects and theme work when its screen is built, pointed at or not: the 年度总结 screen, with a Tooltip
// on every figure (≈ 140), spent ≈ 35 ms of its first opening on them. Use it where a list or a text has one Tooltip
// per row or figure; a single Tooltip can stay an antd Tooltip.
import { Tooltip } from 'antd';
import { cloneElement, useRef, useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';

/** antd's own delay before a Tooltip opens (mouseEnterDelay), so that a pointer passing over opens none. */
const DELAY_MS = 100;

type Hoverable = ReactElement<{
  onMouseEnter?: (e: MouseEvent) => void;
  onMouseLeave?: (e: MouseEvent) => void;
}>;

/** `children` (one element that takes mouse events, e.g. a span) with `title` shown over it as antd's Tooltip. */
export function LazyTooltip({ title, children }: { title: ReactNode; children: Hoverable }) {
  const [built, setBuilt] = useState(false);
  // No effect clears it on unmount: a state set after is ignored, and an effect per tooltip would run again each time
  // its screen is hidden or shown (kept-screens.tsx), which is what this component saves.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Once built it stays an ordinary Tooltip, opened here because the pointer is already on the element.
  if (built)
    return (
      <Tooltip title={title} defaultOpen>
        {children}
      </Tooltip>
    );
  return cloneElement(children, {
    onMouseEnter: (e: MouseEvent) => {
      children.props.onMouseEnter?.(e);
      timer.current = setTimeout(() => setBuilt(true), DELAY_MS);
    },
    onMouseLeave: (e: MouseEvent) => {
      children.props.onMouseLeave?.(e);
      clearTimeout(timer.current);
    },
  });
}

import { WarningOutlined } from '@ant-design/icons';
import { Button, Popover, Tag } from 'antd';
import type { KeyboardEvent, MouseEvent } from 'react';
import { navigate } from '../hooks';

/** Opens 设置 scrolled to the 工作日历 card, where a year's 放假安排 is entered (every 去设置 of a calendar warning). */
export function openCalendarSettings(): void {
  navigate('settings/calendar');
}

/**
 * Beside a light whose working days run through a year without holiday data: says the date is only counted Monday to
 * Friday. Hovering shows the full sentence (which year, calendarGapNote) with 去设置; `explain={false}` leaves the
 * sentence to the caller's own tooltip when the whole cell already has one. A click on the tag opens 设置's 工作日历
 * card too, and nothing else (the tag may sit in a row or list item that opens its record).
 */
export function CalendarGapTag({ warning, explain = true }: { warning?: string | null; explain?: boolean }) {
  if (!warning) return null;
  const open = (e: MouseEvent | KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    openCalendarSettings();
  };
  const tag = (
    <Tag
      color="warning"
      icon={<WarningOutlined />}
      role="link"
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') open(e);
      }}
    >
      节假日未录入
    </Tag>
  );
  if (!explain) return tag;
  return (
    <Popover
      content={
        <div style={{ maxWidth: 360 }}>
          {warning}
          <Button type="link" size="small" onClick={open}>
            去设置
          </Button>
        </div>
      }
    >
      {tag}
    </Popover>
  );
}

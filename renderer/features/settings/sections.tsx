import type { ReactNode } from 'react';
import { TeamSettingsCard } from '../ab/TeamSettingsCard';
import { CalendarSettingsCard } from '../plan/CalendarSettingsCard';
import { disclosureSettingsSections } from '../disclosure/area';

/** Settings cards of each area (due-soon days, 备案 working days, training requirement ...), in display order. */
export interface SettingsSection {
  key: string;
  render: () => ReactNode;
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { key: 'calendar', render: () => <CalendarSettingsCard /> },
  { key: 'team', render: () => <TeamSettingsCard /> },
  ...disclosureSettingsSections,
];

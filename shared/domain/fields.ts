// Text fields of input schemas: the label names the field in every message, so no code name reaches a user.
import { z } from 'zod';

export const text = (label: string, max = 100) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`).describe(label);
export const optionalText = (label: string, max = 100) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).default('').describe(label);

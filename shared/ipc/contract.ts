import type { z } from 'zod';
import type { Method } from './methods';
import { foundationContract } from './contracts/foundation';
import { pointsContract } from './contracts/points';
import { planContract } from './contracts/plan';
import { teamContract } from './contracts/team';
import { selfcheckContract } from './contracts/selfcheck';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** Every IPC method: its input and output schema. A method missing here or in methods.ts is a compile error. */
export const contract = {
  ...foundationContract,
  ...pointsContract,
  ...planContract,
  ...teamContract,
  ...selfcheckContract,
} satisfies Record<Method, MethodSpec>;

// And the other direction: a method in the contract that methods.ts does not list.
type Extra = Exclude<keyof typeof contract, Method>;
const _noExtra: Extra extends never ? true : never = true;
void _noExtra;

export type Contract = typeof contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

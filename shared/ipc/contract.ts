// Every IPC method with its input and output schema, gathered from the areas' contract blocks
// (shared/ipc/contracts/<area>.ts). The method names are this object's keys: there is no second list to keep.
import type { z } from 'zod';
import { disclosureContract } from './contracts/disclosure';
import { foundationContract } from './contracts/foundation';
import { pointsContract } from './contracts/points';
import { planContract } from './contracts/plan';
import { selfcheckContract } from './contracts/selfcheck';
import { summaryContract } from './contracts/summary';
import { teamContract } from './contracts/team';
import { yearcheckContract } from './contracts/yearcheck';

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const contract = {
  ...foundationContract,
  ...pointsContract,
  ...planContract,
  ...teamContract,
  ...disclosureContract,
  ...selfcheckContract,
  ...summaryContract,
  ...yearcheckContract,
} satisfies Record<string, MethodSpec>;

type Contract = typeof contract;
export type Method = keyof Contract & string;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

/** True for a method of the contract (own keys only: "toString" or "__proto__" are not methods). */
export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

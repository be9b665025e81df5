import type { planContract } from '../../../shared/ipc/contracts/plan';
import type { AreaHandlers } from '../../ipc/handlers';

export const planHandlers: AreaHandlers<typeof planContract> = {};

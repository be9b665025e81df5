import type { teamContract } from '../../../shared/ipc/contracts/team';
import type { AreaHandlers } from '../../ipc/handlers';

export const teamHandlers: AreaHandlers<typeof teamContract> = {};

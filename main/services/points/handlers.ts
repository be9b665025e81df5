import type { pointsContract } from '../../../shared/ipc/contracts/points';
import type { AreaHandlers } from '../../ipc/handlers';

export const pointsHandlers: AreaHandlers<typeof pointsContract> = {};

import * as migration_20261125_160601_initial from './20261125_160601_initial';

export const migrations = [
  {
    up: migration_20261125_160601_initial.up,
    down: migration_20261125_160601_initial.down,
    name: '20261125_160601_initial'
  },
];

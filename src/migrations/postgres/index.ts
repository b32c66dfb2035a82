import * as migration_20261125_151507_initial from './20261125_151507_initial';

export const migrations = [
  {
    up: migration_20261125_151507_initial.up,
    down: migration_20261125_151507_initial.down,
    name: '20261125_151507_initial'
  },
];

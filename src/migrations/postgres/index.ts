import * as migration_20261206_103124_initial from './20261206_103124_initial';

export const migrations = [
  {
    up: migration_20261206_103124_initial.up,
    down: migration_20261206_103124_initial.down,
    name: '20261206_103124_initial'
  },
];

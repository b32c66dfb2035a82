import * as migration_20261206_004233_initial from './20261206_004233_initial';

export const migrations = [
  {
    up: migration_20261206_004233_initial.up,
    down: migration_20261206_004233_initial.down,
    name: '20261206_004233_initial'
  },
];

import * as migration_20261206_004241_initial from './20261206_004241_initial';

export const migrations = [
  {
    up: migration_20261206_004241_initial.up,
    down: migration_20261206_004241_initial.down,
    name: '20261206_004241_initial'
  },
];

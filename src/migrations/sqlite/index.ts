import * as migration_20261206_103120_initial from './20261206_103120_initial';

export const migrations = [
  {
    up: migration_20261206_103120_initial.up,
    down: migration_20261206_103120_initial.down,
    name: '20261206_103120_initial'
  },
];

import * as migration_20261125_190346_initial from './20261125_190346_initial';

export const migrations = [
  {
    up: migration_20261125_190346_initial.up,
    down: migration_20261125_190346_initial.down,
    name: '20261125_190346_initial'
  },
];

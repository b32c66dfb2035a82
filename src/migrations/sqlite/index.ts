import * as migration_20261206_091217_initial from './20261206_091217_initial';

export const migrations = [
  {
    up: migration_20261206_091217_initial.up,
    down: migration_20261206_091217_initial.down,
    name: '20261206_091217_initial'
  },
];

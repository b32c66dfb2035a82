import * as migration_20261205_133652_initial from './20261205_133652_initial';

export const migrations = [
  {
    up: migration_20261205_133652_initial.up,
    down: migration_20261205_133652_initial.down,
    name: '20261205_133652_initial'
  },
];

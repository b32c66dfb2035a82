import * as migration_20261205_213216_initial from './20261205_213216_initial';

export const migrations = [
  {
    up: migration_20261205_213216_initial.up,
    down: migration_20261205_213216_initial.down,
    name: '20261205_213216_initial'
  },
];

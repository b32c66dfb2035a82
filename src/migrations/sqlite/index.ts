import * as migration_20261205_213200_initial from './20261205_213200_initial';

export const migrations = [
  {
    up: migration_20261205_213200_initial.up,
    down: migration_20261205_213200_initial.down,
    name: '20261205_213200_initial'
  },
];

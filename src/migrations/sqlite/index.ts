import * as migration_20261205_200921_initial from './20261205_200921_initial';

export const migrations = [
  {
    up: migration_20261205_200921_initial.up,
    down: migration_20261205_200921_initial.down,
    name: '20261205_200921_initial'
  },
];

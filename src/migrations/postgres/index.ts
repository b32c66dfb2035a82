import * as migration_20261205_201115_initial from './20261205_201115_initial';

export const migrations = [
  {
    up: migration_20261205_201115_initial.up,
    down: migration_20261205_201115_initial.down,
    name: '20261205_201115_initial'
  },
];

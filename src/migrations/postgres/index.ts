import * as migration_20261205_145141_initial from './20261205_145141_initial';

export const migrations = [
  {
    up: migration_20261205_145141_initial.up,
    down: migration_20261205_145141_initial.down,
    name: '20261205_145141_initial'
  },
];

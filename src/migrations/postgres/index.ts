import * as migration_20261205_133401_initial from './20261205_133401_initial';

export const migrations = [
  {
    up: migration_20261205_133401_initial.up,
    down: migration_20261205_133401_initial.down,
    name: '20261205_133401_initial'
  },
];

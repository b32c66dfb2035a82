import * as migration_20261205_180356_initial from './20261205_180356_initial';

export const migrations = [
  {
    up: migration_20261205_180356_initial.up,
    down: migration_20261205_180356_initial.down,
    name: '20261205_180356_initial'
  },
];

import * as migration_20261205_133551_initial from './20261205_133551_initial';

export const migrations = [
  {
    up: migration_20261205_133551_initial.up,
    down: migration_20261205_133551_initial.down,
    name: '20261205_133551_initial'
  },
];
